package org.custodia.shared;

import java.util.List;

/**
 * Work a command of the command line begins before the application has started (the import's copy while the
 * database is migrated), discarded on {@link #close()} unless the started application took it on. Found through
 * {@link java.util.ServiceLoader} ({@link Factory}), so that the launcher depends on no module.
 */
public interface CommandHeadStart extends AutoCloseable {

	/** Begins a command's head start; null when the command has none or cannot have one for these arguments. */
	interface Factory {

		CommandHeadStart begin(List<String> command, List<String> settings);
	}

	/** Discards what the application did not take on, and lets go of what it holds. */
	@Override
	void close();
}
