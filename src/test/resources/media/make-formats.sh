#!/usr/bin/env bash
# Makes the files in formats/: one small file for each kind cameras and recorders write that Custodia
# must read as media, and the lying or broken files it must flag. Run once, by hand; the files are
# committed, so the tests never need these tools. Then record what the tools say in
# formats/manifest.json (exiftool -json -G -a and ffprobe -show_format -show_streams of each file).
# Needs: ffmpeg (Debian 5.1, with libx264, libx265), exiftool (12.57), heif-enc (libheif 1.15), python3.
set -euo pipefail
cd "$(dirname "$0")/formats"
ff() { ffmpeg -v error -y -fflags +bitexact "$@"; }
small_video() { echo -f lavfi -i testsrc=size=160x120:rate=15; }
tone() { echo -f lavfi -i sine=frequency=440:sample_rate=$1; }

# DV as tape camcorders write it: raw, with its recording date. One NTSC frame (120,000 bytes).
ff -f lavfi -i testsrc=size=720x480:rate=30000/1001 -frames:v 1 -pix_fmt yuv411p -c:v dvvideo \
  -metadata creation_time=2026-11-23T09:00:00 -f dv camcorder.dv
# The same frame, its VAUX date with it, in AVI and in QuickTime, as capture software stores tapes.
ff -i camcorder.dv -c copy camcorder-dv.avi
ff -i camcorder.dv -c copy -f mov camcorder-dv.mov

# AVCHD and recorders' MPEG transport streams: 188-byte packets (.mts) and 192-byte packets (.m2ts).
ff $(small_video) $(tone 48000) -t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k \
  -f mpegts avchd.mts
ff $(small_video) $(tone 48000) -t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k \
  -f mpegts -mpegts_m2ts_mode 1 avchd.m2ts

# Broadcast WAV with its bext origination date and time (local, no offset), as WAV and as RF64.
ff $(tone 8000) -t 1 -c:a pcm_s16le -write_bext 1 -metadata origination_date=2026-11-23 \
  -metadata origination_time=09:00:00 -metadata originator=Recorder recorder-bwf.wav
ff $(tone 8000) -t 1 -c:a pcm_s16le -rf64 always -write_bext 1 -metadata origination_date=2026-11-23 \
  -metadata origination_time=09:00:00 recorder-rf64.wav

# MP3 with an ID3v2.4 recording time (TDRC), and one with ID3v2.3 TYER + TDAT + TIME.
ff $(tone 44100) -t 1 -c:a libmp3lame -b:a 32k -map_metadata -1 -id3v2_version 4 \
  -metadata date=2026-11-23T09:00:00 recorder-id3v24.mp3
ff $(tone 44100) -t 1 -c:a libmp3lame -b:a 32k -map_metadata -1 -id3v2_version 0 -write_xing 0 stream.mp3
python3 - <<'PY'
import struct
def frame(fid, text):
    data = b"\0" + text.encode("latin-1")
    return fid + struct.pack(">I", len(data)) + b"\0\0" + data
def syncsafe(n):
    return bytes([(n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127])
frames = frame(b"TYER", "2026") + frame(b"TDAT", "2311") + frame(b"TIME", "0900")
tag = b"ID3\x03\x00\x00" + syncsafe(len(frames)) + frames
open("recorder-id3v23.mp3", "wb").write(tag + open("stream.mp3", "rb").read())
PY
rm stream.mp3

# QuickTime as cameras write it: the "qt  " brand with Apple's keys (creation date with offset, make,
# model), and the same movie without its ftyp box, starting with "free" and "wide" as older cameras' files do.
ff $(small_video) $(tone 48000) -t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k \
  -movflags use_metadata_tags -metadata creation_time=2026-11-23T01:00:00Z \
  -metadata com.apple.quicktime.creationdate=2026-11-23T09:00:00+0800 \
  -metadata com.apple.quicktime.make=Apple -metadata "com.apple.quicktime.model=iPhone 12" -f mov phone.mov
python3 - <<'PY'
import struct
data = open("phone.mov", "rb").read()
size = struct.unpack(">I", data[:4])[0]
assert data[4:8] == b"ftyp"
# a free box in the ftyp's place keeps every chunk offset in the movie right
open("no-ftyp.mov", "wb").write(struct.pack(">I4s", size, b"free") + bytes(size - 8) + data[size:])
PY

# MP4 with a movie-header creation time (UTC by the format's definition), the maker's udta boxes a
# GoPro writes (FIRM firmware, no make or model), a copy whose movie header claims ten times the
# playing time its tracks have, and a copy whose media bytes are noise under a good header.
ff $(small_video) $(tone 48000) -t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k \
  -metadata creation_time=2026-11-23T01:00:00Z -brand mp42 camera.mp4
python3 - <<'PY'
import struct, random
data = bytearray(open("camera.mp4", "rb").read())
def boxes(buf, start, end):
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", buf[pos:pos + 8])
        yield kind, pos, size
        pos += size
top = {kind: (pos, size) for kind, pos, size in boxes(data, 0, len(data))}
moov_pos, moov_size = top[b"moov"]
assert moov_pos + moov_size == len(data), "moov must be last"
# GoPro: udta with FIRM and the camera's own name in the GPMF-less form cameras keep for players
firm = b"HD9.01.01.72.00"
udta_body = struct.pack(">I4s", 8 + len(firm), b"FIRM") + firm
udta = struct.pack(">I4s", 8 + len(udta_body), b"udta") + udta_body
gopro = bytearray(data) + udta
struct.pack_into(">I", gopro, moov_pos, moov_size + len(udta))
open("gopro.mp4", "wb").write(gopro)

def with_boxes(name, *boxes_in_moov):
    extra = b"".join(boxes_in_moov)
    out = bytearray(data) + extra
    struct.pack_into(">I", out, moov_pos, moov_size + len(extra))
    open(name, "wb").write(out)

def box(kind, body):
    return struct.pack(">I4s", 8 + len(body), kind) + body

# DJI: the non-standard udta "\xa9mdl" string, no make; Canon: udta CNMN, the model name Canon writes
with_boxes("dji.mp4", box(b"udta", box(b"\xa9mdl", b"FC3170")))
with_boxes("canon.mp4", box(b"udta", box(b"CNMN", b"Canon EOS R6\0")))
# Sony XAVC: the NonRealTimeMeta XML in a meta box (QuickTime form: no version and flags), its Device
# naming maker and model
nrt = (b'<?xml version="1.0" encoding="UTF-8"?>\n<NonRealTimeMeta xmlns="urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00">'
       b'<Device manufacturer="Sony" modelName="ILCE-7M3" serialNo="4294967295"/></NonRealTimeMeta>\n')
hdlr = box(b"hdlr", bytes(4) + struct.pack(">I4s3I", 0, b"nrtm", 0, 0, 0) + b"\0")
with_boxes("sony.mp4", box(b"meta", hdlr + box(b"xml ", bytes(4) + nrt)))
# a movie header that lies: duration times ten
lie = bytearray(data)
for kind, pos, size in boxes(lie, moov_pos + 8, moov_pos + moov_size):
    if kind == b"mvhd":
        version = lie[pos + 8]
        at = pos + 8 + 4 + (8 if version == 0 else 16) + 4
        if version == 0:
            struct.pack_into(">I", lie, at, struct.unpack(">I", lie[at:at + 4])[0] * 10)
        else:
            struct.pack_into(">Q", lie, at, struct.unpack(">Q", lie[at:at + 8])[0] * 10)
open("lying-duration.mp4", "wb").write(lie)
# noise in place of the media, the header untouched
noise = bytearray(data)
mdat_pos, mdat_size = top[b"mdat"]
random.seed(20)
noise[mdat_pos + 8:mdat_pos + mdat_size] = bytes(random.getrandbits(8) for _ in range(mdat_size - 8))
open("noise-in-mdat.mp4", "wb").write(noise)
PY

# An MP4 whose only zoned time, make and model are in its XMP (as exiftool and editing software write it).
cp camera.mp4 xmp.mp4
exiftool -q -overwrite_original "-XMP-xmp:CreateDate=2026:11:23 09:00:00+08:00" -XMP-tiff:Make=DJI \
  -XMP-tiff:Model=FC3170 xmp.mp4

# Photos: a JPEG with offsets beside its EXIF times, one whose only times are XMP with a zone and GPS,
# one placed at exactly 0,0 and an HEIC still (heif-enc 1.15 writes one item, no grid).
ff -f lavfi -i testsrc=size=320x240 -frames:v 1 base.jpg
cp base.jpg exif-offset.jpg
exiftool -q -overwrite_original -Make=Canon "-Model=Canon EOS R6" \
  "-DateTimeOriginal=2026:11:23 09:00:00" -OffsetTimeOriginal=+08:00 \
  "-CreateDate=2026:11:23 09:00:01" -OffsetTimeDigitized=+08:00 \
  "-ModifyDate=2026:11:23 09:00:02" -OffsetTime=+08:00 exif-offset.jpg
cp base.jpg xmp-zone.jpg
exiftool -q -overwrite_original "-XMP-xmp:CreateDate=2026:11:23 09:00:00+08:00" \
  "-XMP-photoshop:DateCreated=2026:11:23 01:00:00Z" xmp-zone.jpg
cp base.jpg gps-zero.jpg
exiftool -q -overwrite_original -Make=Xiaomi -Model=MI9 "-DateTimeOriginal=2026:11:23 09:00:00" \
  -GPSLatitude=0 -GPSLatitudeRef=N -GPSLongitude=0 -GPSLongitudeRef=E \
  -GPSDateStamp=2026:11:23 -GPSTimeStamp=01:00:05 gps-zero.jpg
ff -f lavfi -i testsrc=size=1280x960 -frames:v 1 large.jpg
heif-enc -q 30 -o still.heic large.jpg
rm base.jpg large.jpg

# HEIC as phones write it: a grid item of 2x2 tiles of 512x512, each tile its own HEVC item with its own
# ispe, the grid's ispe 1024x1024. heif-enc 1.15 writes no grids, so each tile is encoded alone and
# the grid is assembled around them (tiles hidden, dimg references, one shared hvcC).
ff -f lavfi -i testsrc=size=1024x1024 -frames:v 1 grid-source.png
for i in 0 1 2 3; do
  ff -i grid-source.png -vf crop=512:512:$(( (i % 2) * 512 )):$(( (i / 2) * 512 )) tile$i.png
  heif-enc -q 20 -o tile$i.heic tile$i.png > /dev/null
done
python3 - <<'GRID'
import struct

def boxes(b, s, e):
    p = s
    while p + 8 <= e:
        size, t = struct.unpack(">I4s", b[p:p + 8])
        yield t.decode("latin-1"), p, size
        p += size

def box(kind, body):
    return struct.pack(">I4s", 8 + len(body), kind.encode()) + body

def full(kind, version, flags, body):
    return box(kind, struct.pack(">I", (version << 24) | flags) + body)

def tile(path):
    """The hvcC property and the coded picture of heif-enc's single item."""
    d = open(path, "rb").read()
    meta = next((p, s) for t, p, s in boxes(d, 0, len(d)) if t == "meta")
    hvcc = data = None
    for t, p, s in boxes(d, meta[0] + 12, meta[0] + meta[1]):
        if t == "iprp":
            for t2, p2, s2 in boxes(d, p + 8, p + s):
                if t2 == "ipco":
                    hvcc = next(d[p3:p3 + s3] for t3, p3, s3 in boxes(d, p2 + 8, p2 + s2) if t3 == "hvcC")
        if t == "iloc":
            version = d[p + 8]
            sizes = d[p + 12]
            assert version == 0 and sizes == 0x44 and d[p + 13] >> 4 in (0, 4)
            wide_base = d[p + 13] >> 4 == 4
            q = p + 16  # item_count at p+14
            item, ref = struct.unpack(">HH", d[q:q + 4])
            q += 4
            base = 0
            if wide_base:
                base = struct.unpack(">I", d[q:q + 4])[0]
                q += 4
            extents, offset, length = struct.unpack(">HII", d[q:q + 10])
            assert extents == 1
            data = d[base + offset:base + offset + length]
    return hvcc, data

tiles = [tile(f"tile{i}.heic") for i in range(4)]
hvcc = tiles[0][0]
grid = struct.pack(">BBBBHH", 0, 0, 1, 1, 1024, 1024)
payloads = [t[1] for t in tiles] + [grid]

def meta(offsets):
    hdlr = full("hdlr", 0, 0, struct.pack(">I4s3I", 0, b"pict", 0, 0, 0) + b"\0")
    pitm = full("pitm", 0, 0, struct.pack(">H", 5))
    infes = b"".join(full("infe", 2, 1, struct.pack(">HH4s", i + 1, 0, b"hvc1") + b"\0") for i in range(4))
    infes += full("infe", 2, 0, struct.pack(">HH4s", 5, 0, b"grid") + b"\0")
    iinf = full("iinf", 0, 0, struct.pack(">H", 5) + infes)
    iref = full("iref", 0, 0, box("dimg", struct.pack(">HH4H", 5, 4, 1, 2, 3, 4)))
    ipco = box("ipco", hvcc + full("ispe", 0, 0, struct.pack(">II", 512, 512))
               + full("ispe", 0, 0, struct.pack(">II", 1024, 1024)))
    entries = b"".join(struct.pack(">HBBB", i + 1, 2, 0x81, 0x02) for i in range(4)) + struct.pack(">HBB", 5, 1, 0x83)
    ipma = full("ipma", 0, 0, struct.pack(">I", 5) + entries)
    iprp = box("iprp", ipco + ipma)
    items = b"".join(struct.pack(">HHHII", i + 1, 0, 1, offsets[i], len(payloads[i])) for i in range(5))
    iloc = full("iloc", 0, 0, bytes([0x44, 0x00]) + struct.pack(">H", 5) + items)
    return full("meta", 0, 0, hdlr + pitm + iloc + iinf + iref + iprp)

ftyp = box("ftyp", b"heic" + struct.pack(">I", 0) + b"mif1heic")
head = len(ftyp) + len(meta([0] * 5)) + 8
offsets, position = [], head
for payload in payloads:
    offsets.append(position)
    position += len(payload)
out = ftyp + meta(offsets) + box("mdat", b"".join(payloads))
open("grid.heic", "wb").write(out)
GRID
mv grid.heic phone-grid.heic
rm grid-source.png tile?.png tile?.heic

# What the standard tools say of each file, with the times, maker and model Custodia is to read
# from them (formats/manifest.json; MediaProbeFormatsTests holds Custodia's reading to it).
python3 - <<'PY'
import hashlib, json, os, re, subprocess
from datetime import datetime, timedelta, timezone

# for each file, the creation times Custodia is to state, most trusted first: (Custodia's tag, the
# tool and key whose value it is). The movie header's time is UTC by the QuickTime/ISO definition.
TIMES = {
    "camcorder.dv": [("DV:DateTimeOriginal", "exiftool", "DV:DateTimeOriginal")],
    # exiftool reads DV packs in raw DV only: the frame inside is camcorder.dv's
    "camcorder-dv.avi": [("DV:DateTimeOriginal", "exiftool camcorder.dv", "DV:DateTimeOriginal")],
    "camcorder-dv.mov": [("DV:DateTimeOriginal", "exiftool camcorder.dv", "DV:DateTimeOriginal")],
    "xmp.mp4": [("XMP:CreateDate", "exiftool", "XMP:CreateDate"),
                ("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "camera.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "gopro.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "lying-duration.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "noise-in-mdat.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "sony.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "canon.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "dji.mp4": [("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "phone.mov": [("Keys:CreationDate", "exiftool", "QuickTime:CreationDate"),
                  ("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "no-ftyp.mov": [("Keys:CreationDate", "exiftool", "QuickTime:CreationDate"),
                    ("QuickTime:CreateDate", "exiftool", "QuickTime:CreateDate")],
    "recorder-bwf.wav": [("RIFF:DateTimeOriginal", "exiftool", "RIFF:DateTimeOriginal")],
    "recorder-rf64.wav": [("RIFF:DateTimeOriginal", "exiftool", "RIFF:DateTimeOriginal")],
    "recorder-id3v24.mp3": [("ID3:RecordingTime", "exiftool", "ID3:RecordingTime")],
    # exiftool 12.57 composes TDAT "2311" (DDMM by ID3v2.3) as month 23; ffprobe joins it right
    "recorder-id3v23.mp3": [("ID3:RecordingTime", "ffprobe", "date")],
    "exif-offset.jpg": [("EXIF:DateTimeOriginal", "exiftool", "Composite:SubSecDateTimeOriginal"),
                        ("EXIF:CreateDate", "exiftool", "Composite:SubSecCreateDate")],
    "xmp-zone.jpg": [("XMP:CreateDate", "exiftool", "XMP:CreateDate"),
                     ("XMP:DateCreated", "exiftool", "XMP:DateCreated")],
    "gps-zero.jpg": [("EXIF:DateTimeOriginal", "exiftool", "EXIF:DateTimeOriginal"),
                     ("Composite:GPSDateTime", "exiftool", "Composite:GPSDateTime")],
}
# what no standard tool names: GoPro's udta holds only FIRM, whose "HD9." prefix is the HERO9
MAKER = {"gopro.mp4": ("GoPro", "HERO9", "udta FIRM prefix HD9 (exiftool: QuickTime:FirmwareVersion)"),
         "dji.mp4": ("DJI", "FC3170", "udta \u00a9mdl, a tag only DJI writes (exiftool: QuickTime:Model)"),
         "canon.mp4": ("Canon", "Canon EOS R6", "udta CNMN, Canon's own box (exiftool: QuickTime:Model)")}
UTC_BY_DEFINITION = {"QuickTime:CreateDate"}
CONTENT_TYPES = {"dv": "video/dv", "avi": "video/x-msvideo", "mts": "video/mp2t", "m2ts": "video/mp2t",
                 "wav": "audio/wav", "mp3": "audio/mpeg", "mov": "video/quicktime", "mp4": "video/mp4",
                 "jpg": "image/jpeg", "heic": "image/heic"}

def stated(tag, value):
    m = re.match(r"^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?", value)
    local = f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}" + (f":{m[6]}" if m[6] else "")
    zone = m[7]
    offset = "+00:00" if zone == "Z" or (zone is None and tag in UTC_BY_DEFINITION) else \
        (zone[:3] + ":" + zone[-2:] if zone else None)
    instant = None
    if offset:
        sign = 1 if offset[0] == "+" else -1
        delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])) * sign
        seconds = local if m[6] else local + ":00"
        instant = (datetime.fromisoformat(seconds) - delta).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"tag": tag, "value": value, "as_stated": local, "offset": offset, "instant": instant}

entries = []
for name in sorted(os.listdir(".")):
    if name == "manifest.json":
        continue
    path = name
    exif = json.loads(subprocess.run(["exiftool", "-json", "-G", "-a", "-n", path], capture_output=True,
                                     text=True).stdout)[0]
    probe = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                            path], capture_output=True, text=True)
    ff = json.loads(probe.stdout or "{}")
    decode = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "framecrc", "-"], capture_output=True,
                            text=True)
    frames = [line.split(",")[0] for line in decode.stdout.splitlines() if line and not line.startswith("#")]
    streams = [{"type": s.get("codec_type"), "codec": s.get("codec_name"), "width": s.get("width"),
                "height": s.get("height"), "sample_rate": s.get("sample_rate"), "channels": s.get("channels"),
                "duration": s.get("duration"), "frames_decoded": frames.count(str(s["index"]))}
               for s in ff.get("streams", [])]
    failed = decode.returncode != 0 and any(s["frames_decoded"] == 0 for s in streams)
    first = lambda kind: next((s for s in streams if s["type"] == kind), None)
    size = exif.get("Composite:ImageSize")
    times = []
    for tag, tool, key in TIMES.get(name, []):
        if tool.startswith("exiftool "):
            other = json.loads(subprocess.run(["exiftool", "-json", "-G", "-a", tool.split()[1]], capture_output=True,
                                              text=True).stdout)[0]
            value = other.get(key)
        else:
            value = exif.get(key) if tool == "exiftool" else ff["format"]["tags"][key]
        times.append(dict(stated(tag, str(value)), source=f"{tool} {key}"))
    make, model, maker_source = MAKER.get(name, (None, None, None))
    durations = [float(s["duration"]) for s in streams if s.get("duration")]
    entries.append({
        "file": name, "size_bytes": os.path.getsize(path),
        "sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
        "content_type": CONTENT_TYPES[name.rsplit(".", 1)[1]],
        "exiftool": {"file_type": exif.get("File:FileType"), "mime": exif.get("File:MIMEType"),
                     "image_size": [int(v) for v in str(size).split()] if size else None,
                     "make": exif.get("EXIF:Make") or exif.get("QuickTime:Make") or exif.get("XML:DeviceManufacturer")
                     or exif.get("XMP:Make"),
                     "model": exif.get("EXIF:Model") or exif.get("QuickTime:Model") or exif.get("XML:DeviceModelName")
                     or exif.get("XMP:Model"),
                     "gps": [exif["Composite:GPSLatitude"], exif["Composite:GPSLongitude"]]
                     if "Composite:GPSLatitude" in exif else None,
                     "dates": {k: v for k, v in exif.items() if re.search(r"Date|Time(?!Scale)|Offset", k.split(":", 1)[-1])
                               and not k.startswith(("File:", "System:")) and isinstance(v, str)}},
        "ffprobe": {"format_name": ff.get("format", {}).get("format_name"),
                    "duration": ff.get("format", {}).get("duration"), "tags": ff.get("format", {}).get("tags"),
                    "streams": streams, "error": probe.stderr.strip().splitlines()[-1] if probe.returncode else None},
        "ffmpeg_decode": {"rc": decode.returncode, "result": "failed" if failed else "clean",
                          "stderr_tail": decode.stderr.strip().splitlines()[-1] if decode.stderr.strip() else None},
        "stated_times": times,
        "streams_duration_s": max(durations) if durations else None,
        "maker": {"make": make, "model": model, "source": maker_source} if make else None,
    })
about = ("Files made for Custodia by ../make-formats.sh: one for each kind of file cameras and recorders write, "
         "and files whose header lies or whose media is noise. Each entry holds what exiftool 12.57 and ffprobe "
         "5.1 (Debian 12) say of it; stated_times are the creation times Custodia is to state, most trusted "
         "first, each with the tool and key it is read from (QuickTime:CreateDate is UTC by definition).")
json.dump({"about": about, "files": entries}, open("manifest.json", "w"), indent=1, ensure_ascii=False)
PY
