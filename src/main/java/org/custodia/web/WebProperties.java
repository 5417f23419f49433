package org.custodia.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send.
 *
 * @param maxJsonBody the largest JSON body any endpoint accepts; the API's requests are a few hundred bytes
 * @param maxBody the largest other body (CSV lists of devices or inspection plans, forms); recordings come
 *     through the resumable upload, which has limits of its own
 */
@ConfigurationProperties("custodia.web")
record WebProperties(@DefaultValue("1MB") DataSize maxJsonBody, @DefaultValue("16MB") DataSize maxBody) {
}
