package org.custodia.activity;

import java.util.List;
import java.util.UUID;

/** An activity or recording was marked for long-term keeping; {@code recordings} are the originals it covers now. */
public record LongTermMarked(LongTermMark mark, List<UUID> recordings) {
}
