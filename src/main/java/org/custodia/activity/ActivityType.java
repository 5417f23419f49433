package org.custodia.activity;

import org.custodia.policy.Text;

/** One kind of activity of an agency, with the requirement its policy sets and the article that sets it. */
public record ActivityType(String code, Text label, Requirement requirement, String cite) {
}
