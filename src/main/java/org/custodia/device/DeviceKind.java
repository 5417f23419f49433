package org.custodia.device;

/** The kinds of recording equipment the regulations name (001 art. 2). */
public enum DeviceKind {
	BODY_CAMERA, CAMERA, AUDIO_RECORDER, VIDEO_CAMERA, HANDHELD_TERMINAL, SURVEILLANCE_CAMERA
}
