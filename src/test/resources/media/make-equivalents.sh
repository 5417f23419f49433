#!/usr/bin/env bash
# Makes the five test files that stand in for GPL-licensed samples (see NOTICE). Run once, by hand;
# the files it made are committed beside it, so the tests never need FFmpeg or Python installed.
# Needs: ffmpeg (Debian 5.1), python3.
set -euo pipefail
cd "$(dirname "$0")"

# A zero-byte MP3: what a camera leaves when it loses power before writing anything.
: > empty.mp3

# A silent stereo MP3 with an ID3v2.3 year, as voice recorders tag their files.
ffmpeg -v error -y -f lavfi -i anullsrc=r=44100:cl=stereo -t 3.7 -c:a libmp3lame -b:a 32k \
  -map_metadata -1 -fflags +bitexact -id3v2_version 3 -metadata date=2004 -metadata title=silence silence.mp3

# An MP4 cut short after 1,600 bytes, as when a camera's battery dies mid-recording: the movie
# header (MPEG-4 video 160x120, AAC stereo, created 2006-01-20 16:04:07 UTC) survives, the media
# after its first few bytes does not.
ffmpeg -v error -y -f lavfi -i testsrc=size=160x120:rate=15 -f lavfi -i sine=frequency=440:sample_rate=44100 \
  -ac 2 -t 0.3 -c:v mpeg4 -c:a aac -movflags +faststart -fflags +bitexact \
  -metadata creation_time=2006-01-20T16:04:07Z whole.mp4
head -c 1600 whole.mp4 > truncated.mp4
rm whole.mp4

# RIFF files that keep their metadata while their picture and sound were cut away.
python3 - <<'PY'
import struct

def chunk(fourcc, data):
    pad = b"\0" if len(data) % 2 else b""
    return fourcc + struct.pack("<I", len(data)) + data + pad

def listing(kind, *chunks):
    return chunk(b"LIST", kind + b"".join(chunks))

# A voice memo as compact cameras write it: date in INFO/ICRD, time of day, maker and model in the
# maker's "exif" list, and an empty data chunk.
fmt = struct.pack("<HHIIHH", 1, 1, 8000, 8000, 1, 8)
wav = b"WAVE" + chunk(b"fmt ", fmt) \
    + listing(b"INFO", chunk(b"ICRD", b"2021-04-12\0")) \
    + listing(b"exif", chunk(b"ever", b"0220"), chunk(b"etim", b"09:15:30\0"),
              chunk(b"ecor", b"PENTAX Corporation\0"), chunk(b"emdl", b"PENTAX Optio WP\0")) \
    + chunk(b"data", b"")
open("riff-metadata-only.wav", "wb").write(b"RIFF" + struct.pack("<I", len(wav)) + wav)

# An AVI whose headers (MJPEG 320x240 at 15 fps for 233 frames, 11,025 Hz unsigned 8-bit sound, the
# digitisation time in IDIT) survive but whose movi list was cut away: the RIFF size still counts it.
avih = struct.pack("<IIIIIIIIII4I", 66666, 200000, 0, 0x10, 233, 0, 2, 0, 320, 240, 0, 0, 0, 0)
vids = struct.pack("<4s4sIHHIIIIIIIIhhhh", b"vids", b"mjpg", 0, 0, 0, 0, 66666, 1000000, 0, 233, 0, 10000, 0,
                   0, 0, 320, 240)
bmih = struct.pack("<IiiHH4sIiiII", 40, 320, 240, 1, 24, b"MJPG", 320 * 240 * 3, 0, 0, 0, 0)
auds = struct.pack("<4s4sIHHIIIIIIIIhhhh", b"auds", b"\0\0\0\0", 0, 0, 0, 0, 1, 11025, 0, 171000, 0, 10000, 1,
                   0, 0, 0, 0)
wave = struct.pack("<HHIIHH", 1, 1, 11025, 11025, 1, 8)
hdrl = listing(b"hdrl", chunk(b"avih", avih),
               listing(b"strl", chunk(b"strh", vids), chunk(b"strf", bmih)),
               listing(b"strl", chunk(b"strh", auds), chunk(b"strf", wave)))
body = b"AVI " + hdrl + chunk(b"IDIT", b"Mon Apr 12 09:15:30 2021\n\0") \
    + listing(b"INFO", chunk(b"ISFT", b"custodia test\0")) + listing(b"movi")
claimed = len(body) + 2_000_000
open("riff-metadata-only.avi", "wb").write(b"RIFF" + struct.pack("<I", claimed) + body)
PY
