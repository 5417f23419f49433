package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.custodia.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Types come from the bytes of real camera, phone and recorder files, not from their names. */
class ContentTypesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "sample_mpeg4.mp4|video/mp4", "MOV00006.3gp|video/3gpp", "yuan.amr|audio/amr",
			"riff-metadata-only.avi|video/x-msvideo", "riff-metadata-only.wav|audio/wav", "Nexus 4.jpg|image/jpeg", "silence.mp3|audio/mpeg",
			"test-pod.m4a|audio/mp4", "empty.mp3|application/octet-stream" })
	void recognisesRealMediaByContent(String file, String type) throws IOException {
		try (InputStream in = Files.newInputStream(TestMedia.file(file))) {
			byte[] head = new byte[16];
			int read = in.readNBytes(head, 0, 16);
			assertThat(ContentTypes.of(head, read)).isEqualTo(type);
		}
	}

	@Test
	void anMp4IsAnMp4WhateverItIsNamed() throws IOException {
		for (String name : new String[] { "A.AVI", "B.3GP", "C.MOV", "D" }) {
			Path renamed = Files.createTempDirectory("named").resolve(name);
			Files.copy(TestMedia.file("Tiny Sample - NEW - Metaxed.mp4"), renamed);
			byte[] head = Files.readAllBytes(renamed);
			assertThat(ContentTypes.of(head, 16)).as(name).isEqualTo("video/mp4");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1a45dfa3a3428681|video/x-matroska", "000001ba44000400|video/mpeg",
			"4f67675300020000|audio/ogg", "664c614300000022|audio/flac", "fff1508000|audio/aac", "fff9508000|audio/aac",
			"fffb9064|audio/mpeg", "fff3|audio/mpeg", "89504e470d0a1a0a0000000d|image/png", "474946383961|image/gif",
			"52494646000000005745425056503820|image/webp", "1a45dfa3|video/x-matroska", "00000000|application/octet-stream" })
	void recognisesOtherContainersAndPicturesByTheirSignatures(String hex, String type) {
		byte[] head = java.util.HexFormat.of().parseHex(hex);
		assertThat(ContentTypes.of(head, head.length)).isEqualTo(type);
	}

	/** The kinds cameras and recorders write (media/formats, made by make-formats.sh), from the head the import reads. */
	@ParameterizedTest
	@MethodSource("formats")
	void recognisesWhatCamerasAndRecordersWrite(String file, String type) throws IOException {
		try (InputStream in = Files.newInputStream(TestMedia.FOLDER.resolve("formats").resolve(file))) {
			byte[] head = in.readNBytes(ContentTypes.HEAD_BYTES);
			assertThat(ContentTypes.of(head, head.length)).as(file).isEqualTo(type);
		}
	}

	static Stream<Arguments> formats() throws IOException {
		JsonNode files = JsonMapper.builder().build()
			.readTree(Files.readString(TestMedia.FOLDER.resolve("formats").resolve("manifest.json")))
			.get("files");
		List<Arguments> cases = new ArrayList<>();
		files.forEach(entry -> cases.add(Arguments.of(entry.get("file").asString(), entry.get("content_type").asString())));
		return cases.stream();
	}
}
