package org.custodia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Refuses an address that keeps failing before its failures can lock anybody out: after
 * {@value #PER_NAME} failures on one user name, or {@value #PER_ADDRESS} on any, within
 * {@link #WINDOW}, its next attempts on that name (or on any) are refused unchecked and count against
 * no account. Every agency's lockout threshold is above {@value #PER_NAME}, so one address alone never
 * locks an account. The address is the connection's peer; a proxy's {@code X-Forwarded-For} counts only
 * where the operator configured that proxy ({@code server.forward-headers-strategy}). Kept in memory: a
 * restart forgets it, as a cluster node does not see another's.
 */
@Component
class LoginThrottle {

	static final int PER_NAME = 3;

	static final int PER_ADDRESS = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int MOST = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean refuses(String address, String username) {
		Instant now = clock.instant();
		return recent(byName(address, username), now) >= PER_NAME || recent(byAddress(address), now) >= PER_ADDRESS;
	}

	/** Counts a failure; true when it is the one that makes the address refused (on this name or on all). */
	boolean failed(String address, String username) {
		Instant now = clock.instant();
		if (failures.size() > MOST) {
			forgetOld(now);
		}
		return add(byName(address, username), now) == PER_NAME || add(byAddress(address), now) == PER_ADDRESS;
	}

	void succeeded(String address, String username) {
		failures.remove(byName(address, username));
	}

	private int add(String key, Instant now) {
		Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			return recentIn(times, now);
		}
	}

	private int recent(String key, Instant now) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			return recentIn(times, now);
		}
	}

	private static int recentIn(Deque<Instant> times, Instant now) {
		Instant since = now.minus(WINDOW);
		while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
			times.removeFirst();
		}
		return times.size();
	}

	// An attacker with very many addresses could fill the map; old entries go first, and past that the
	// throttle forgets rather than grow without bound (the accounts' own lockout still holds).
	private void forgetOld(Instant now) {
		failures.entrySet().removeIf(entry -> recent(entry.getKey(), now) == 0);
		if (failures.size() > MOST) {
			failures.clear();
		}
	}

	private static String byName(String address, String username) {
		return "name\n" + address + "\n" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
	}

	private static String byAddress(String address) {
		return "address\n" + address;
	}
}
