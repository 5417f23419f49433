package org.custodia.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The collection workstation's dock: where docked devices are mounted and how they are recognised.
 *
 * @param roots mount roots to watch, such as {@code /media,/run/media}; empty (the default) turns watching off
 * @param pollInterval how often the roots are looked at
 * @param identityFile the file at a volume's root that names its agency and device
 * @param settleTime how long a volume's file list must stay unchanged before it is imported
 */
@ConfigurationProperties("custodia.dock")
public record DockProperties(@DefaultValue List<Path> roots, @DefaultValue("3s") Duration pollInterval,
		@DefaultValue("CUSTODIA-DEVICE.txt") String identityFile, @DefaultValue("2s") Duration settleTime) {

	public DockProperties {
		roots = roots == null ? List.of() : List.copyOf(roots);
	}

	boolean watching() {
		return !roots.isEmpty();
	}
}
