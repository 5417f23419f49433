package org.custodia.identity;

/** Where a password was presented: the login form or HTTP Basic, and from which address. */
record LoginOrigin(String channel, String address) {

	static final LoginOrigin UNKNOWN = new LoginOrigin("other", "");
}
