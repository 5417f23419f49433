package org.custodia.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The import of a folder on the workstation while the caller waits, and after it, when asked and the
 * workstation allows it, the removal of the verified copies from the device.
 */
@Component
public class FolderImports {

	/** Each file's outcome, and with a removal asked for, what became of each file on the device. */
	public record Imported(List<RecordingImports.Outcome> outcomes, List<DeviceCleanup.Removal> removals) {
	}

	private final RecordingImports imports;

	private final DeviceCleanup cleanup;

	FolderImports(RecordingImports imports, DeviceCleanup cleanup) {
		this.imports = imports;
		this.cleanup = cleanup;
	}

	/** A removal that is not allowed is refused before anything is imported. */
	public Imported importFolder(Actor actor, String agency, String device, UUID officerId, String folder,
			boolean removeFromDevice) {
		return importFolder(actor, agency, device, officerId, ImportRoots.parse(folder), removeFromDevice,
				ImportProgress.NONE, null);
	}

	/** With a head start, what it copied counts only if the import goes ahead; else it is discarded. */
	Imported importFolder(Actor actor, String agency, String device, UUID officerId, Path folder,
			boolean removeFromDevice, ImportProgress progress, ImportHeadStart headStart) {
		if (removeFromDevice) {
			try {
				cleanup.checkAllowed(actor, agency);
			}
			catch (RuntimeException e) {
				if (headStart != null) {
					headStart.close();
				}
				throw e;
			}
		}
		List<RecordingImports.Outcome> outcomes = imports.importFolder(actor, agency, device, officerId, folder,
				progress, headStart);
		return new Imported(outcomes,
				removeFromDevice ? cleanup.removeImported(actor, agency, folder, outcomes) : List.of());
	}
}
