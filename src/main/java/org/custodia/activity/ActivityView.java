package org.custodia.activity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An activity with its compliance state, as lists and the API show it. */
public record ActivityView(@JsonUnwrapped Activity activity, Compliance compliance) {
}
