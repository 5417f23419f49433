package org.custodia.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A still picture of one moment of a video, as a JPEG at the size the picture is stored: the frame shown
 * at that moment, or the last frame when the moment lies past the end. A printed still is a copy too, so
 * it carries the copy's watermark like any other.
 */
final class Stills {

	private static final String CONTENT_TYPE = "image/jpeg";

	/** How far before the end the search for the last frame starts; a key frame lies within it in practice. */
	private static final long TAIL_MICROS = 5_000_000;

	/** Printed and compared by eye: finer than ImageIO's default of 0.75, which blurs the text of the watermark. */
	private static final float QUALITY = 0.92f;

	private Stills() {
	}

	static Transcoder.Made grab(Path original, Path file, long atMillis, Consumer<BufferedImage> painter) {
		FFmpegFrameGrabber grabber = Grabbers.open(original);
		try {
			if (!Grabbers.hasMovingPicture(grabber)) {
				throw new MakingFailedException("no-picture", "FFmpeg finds no moving picture to take a still of");
			}
			long at = atMillis * 1000;
			Still still = at(grabber, at);
			if (still == null) {
				still = last(grabber);
			}
			if (still == null) {
				throw new MakingFailedException("nothing-decoded", "FFmpeg decoded no picture");
			}
			BufferedImage picture = upright(still.picture(), grabber.getDisplayRotation());
			if (painter != null) {
				painter.accept(picture);
			}
			write(picture, file);
			return new Transcoder.Made(file, CONTENT_TYPE, still.micros() / 1000);
		}
		catch (FrameGrabber.Exception e) {
			throw new MakingFailedException("undecodable", String.valueOf(e.getMessage()), e);
		}
		catch (IOException e) {
			throw new MakingFailedException("encoding-failed", String.valueOf(e.getMessage()), e);
		}
		finally {
			Grabbers.close(grabber);
		}
	}

	private record Still(BufferedImage picture, long micros) {
	}

	/** The frame on screen at the moment; null when the video ends before it. */
	private static Still at(FFmpegFrameGrabber grabber, long micros) throws FrameGrabber.Exception {
		if (micros > 0) {
			grabber.setTimestamp(micros);
		}
		Frame frame = grabber.grabImage();
		return frame == null || frame.image == null ? null : new Still(detached(frame), frame.timestamp);
	}

	/** The last frame that decodes, searched from shortly before the end (or from the start, if no end is stated). */
	private static Still last(FFmpegFrameGrabber grabber) throws FrameGrabber.Exception {
		grabber.restart();
		long end = Grabbers.endMicros(grabber);
		if (end > TAIL_MICROS) {
			grabber.setTimestamp(end - TAIL_MICROS);
		}
		Still last = null;
		for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
			if (frame.image != null) {
				last = new Still(detached(frame), frame.timestamp);
			}
		}
		return last;
	}

	/** The converter paints into the grabber's buffers, which the next frame overwrites: the still gets its own. */
	private static BufferedImage detached(Frame frame) {
		BufferedImage decoded = new Java2DFrameConverter().convert(frame);
		BufferedImage own = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = own.createGraphics();
		try {
			graphics.drawImage(decoded, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return own;
	}

	/**
	 * A phone held upright stores its picture sideways with a rotation to show it by; a JPEG written here
	 * carries no such rotation, so the still is turned as a player shows it, and its watermark reads upright.
	 */
	private static BufferedImage upright(BufferedImage picture, double displayRotation) {
		// the display matrix turns counter-clockwise; quarter turns are all that cameras write
		int clockwise = Math.floorMod((int) Math.round(-displayRotation / 90) * 90, 360);
		if (clockwise == 0) {
			return picture;
		}
		boolean sideways = clockwise != 180;
		int width = sideways ? picture.getHeight() : picture.getWidth();
		int height = sideways ? picture.getWidth() : picture.getHeight();
		BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		AffineTransform turn = new AffineTransform();
		turn.translate(width / 2.0, height / 2.0);
		turn.rotate(Math.toRadians(clockwise));
		turn.translate(-picture.getWidth() / 2.0, -picture.getHeight() / 2.0);
		Graphics2D graphics = turned.createGraphics();
		try {
			graphics.drawImage(picture, turn, null);
		}
		finally {
			graphics.dispose();
		}
		return turned;
	}

	private static void write(BufferedImage picture, Path file) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam parameters = writer.getDefaultWriteParam();
		parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		parameters.setCompressionQuality(QUALITY);
		try (OutputStream out = Files.newOutputStream(file); ImageOutputStream image = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(image);
			writer.write(null, new IIOImage(picture, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
	}
}
