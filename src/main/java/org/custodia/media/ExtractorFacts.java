package org.custodia.media;

import com.drew.imaging.FileType;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what metadata-extractor reads as exiftool does: EXIF times, makers and GPS of photos, track sizes. */
final class ExtractorFacts {

	private ExtractorFacts() {
	}

	static FileType detect(byte[] head, int length) {
		try {
			return com.drew.imaging.FileTypeDetector
				.detectFileType(new BufferedInputStream(new java.io.ByteArrayInputStream(head, 0, length)));
		}
		catch (IOException | RuntimeException ex) {
			return FileType.Unknown;
		}
	}

	static boolean isPhoto(FileType type) {
		return type.getMimeType() != null && type.getMimeType().startsWith("image/");
	}

	/** Fills the photo's stated time, maker and position; quiet when the file holds none or cannot be parsed. */
	static void readPhoto(Path file, long size, FactsBuilder facts) {
		Metadata metadata = read(file, size);
		if (metadata == null) {
			return;
		}
		ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
		if (exif != null) {
			facts.created(StatedTime.of(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
					exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL), "EXIF:DateTimeOriginal"));
			facts.created(StatedTime.of(exif.getString(ExifDirectoryBase.TAG_DATETIME_DIGITIZED),
					exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_DIGITIZED), "EXIF:CreateDate"));
		}
		ExifIFD0Directory camera = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		if (camera != null) {
			facts.make = trimmed(camera.getString(ExifDirectoryBase.TAG_MAKE));
			facts.model = trimmed(camera.getString(ExifDirectoryBase.TAG_MODEL));
		}
		GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
		GeoLocation location = gps == null ? null : gps.getGeoLocation();
		if (location != null && !location.isZero()) {
			facts.latitude = location.getLatitude();
			facts.longitude = location.getLongitude();
			Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
			if (altitude != null) {
				boolean belowSeaLevel = Integer.valueOf(1).equals(gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF));
				facts.altitude = belowSeaLevel ? -altitude.doubleValue() : altitude.doubleValue();
			}
		}
	}

	/** The picture size the track header states, for when FFmpeg cannot read the cut-short stream itself. */
	static void readTrackSize(Path file, long size, FactsBuilder facts) {
		Metadata metadata = read(file, size);
		if (metadata == null) {
			return;
		}
		for (Directory track : metadata.getDirectories()) {
			if (track instanceof Mp4VideoDirectory) {
				facts.width = track.getInteger(Mp4VideoDirectory.TAG_WIDTH);
				facts.height = track.getInteger(Mp4VideoDirectory.TAG_HEIGHT);
				return;
			}
			if (track instanceof QuickTimeVideoDirectory) {
				facts.width = track.getInteger(QuickTimeVideoDirectory.TAG_WIDTH);
				facts.height = track.getInteger(QuickTimeVideoDirectory.TAG_HEIGHT);
				return;
			}
		}
	}

	private static Metadata read(Path file, long size) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return ImageMetadataReader.readMetadata(in, size);
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
