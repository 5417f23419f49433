package org.custodia.identity;

/** An agency (tenant): its code and names. */
public record AgencyView(String code, String nameZh, String nameEn) {
}
