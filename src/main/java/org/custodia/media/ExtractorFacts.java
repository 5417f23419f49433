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
import com.drew.metadata.xmp.XmpDirectory;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
		Xmp xmp = xmp(metadata);
		xmp.times().forEach(facts::created);
		ExifIFD0Directory camera = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		if (camera != null) {
			facts.make = trimmed(camera.getString(ExifDirectoryBase.TAG_MAKE));
			facts.model = trimmed(camera.getString(ExifDirectoryBase.TAG_MODEL));
		}
		if (facts.make == null) {
			facts.make = xmp.make();
		}
		if (facts.model == null) {
			facts.model = xmp.model();
		}
		GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
		if (gps != null) {
			facts.created(gpsTime(gps));
		}
		GeoLocation location = gps == null ? null : gps.getGeoLocation();
		// 0,0 is a position as stated like any other: a receiver without a fix may write it, and that is for a person to judge
		if (location != null) {
			facts.latitude = location.getLatitude();
			facts.longitude = location.getLongitude();
			Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
			if (altitude != null) {
				boolean belowSeaLevel = Integer.valueOf(1).equals(gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF));
				facts.altitude = belowSeaLevel ? -altitude.doubleValue() : altitude.doubleValue();
			}
		}
	}

	/** EXIF GPSDateStamp and GPSTimeStamp, UTC by definition, as exiftool composes them (Composite:GPSDateTime). */
	private static StatedTime gpsTime(GpsDirectory gps) {
		String date = gps.getString(GpsDirectory.TAG_DATE_STAMP);
		Rational[] time = gps.getRationalArray(GpsDirectory.TAG_TIME_STAMP);
		if (date == null || time == null || time.length != 3) {
			return null;
		}
		String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", time[0].intValue(), time[1].intValue(),
				time[2].intValue());
		return StatedTime.of(date.trim() + " " + clock + "Z", "Composite:GPSDateTime");
	}

	private static Xmp xmp(Metadata metadata) {
		XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
		if (xmp == null) {
			return Xmp.NOTHING;
		}
		try {
			return Xmp.parse(XMPMetaFactory.serializeToString(xmp.getXMPMeta(), null));
		}
		catch (XMPException | RuntimeException ex) {
			return Xmp.NOTHING;
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
