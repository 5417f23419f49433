package org.custodia.ingest;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of stored originals as other modules read it. It checks nothing: the module that
 * shows a recording decides who may see it.
 */
@Component
public class RecordingRegister {

	private final RecordingRepository recordings;

	RecordingRegister(RecordingRepository recordings) {
		this.recordings = recordings;
	}

	@Transactional(readOnly = true)
	public Optional<Recording> find(UUID id) {
		return recordings.find(id);
	}
}
