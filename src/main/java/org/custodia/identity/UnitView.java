package org.custodia.identity;

import java.util.UUID;

/** A unit (科室 / 执法机构) of an agency. */
public record UnitView(UUID id, String agency, String nameZh, String nameEn, UnitKind kind) {
}
