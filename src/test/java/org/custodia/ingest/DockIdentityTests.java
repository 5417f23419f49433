package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DockIdentityTests {

	@Test
	void readsAgencyAndDeviceIgnoringCommentsBlanksAndCase() {
		assertThat(DockIdentity.parse("# 执法记录仪\n\n Agency = kaifeng-audit \r\nDEVICE=KF-001\nnoise\n=x\n"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("agency", "kaifeng-audit", "device", "KF-001"));
	}

	@Test
	void findsMountPointsAndTheirSourcesInTheKernelTable() {
		Map<Path, String> mounts = new HashMap<>();
		DockVolumes.parseMountInfo("36 35 98:0 / /media/alice/BODY\\040CAM rw,noatime master:1 - vfat /dev/sdb1 rw", mounts);
		DockVolumes.parseMountInfo("36 35 98:0 / /mnt rw shared:2 opt:3 - ext4 /dev/sda1 rw", mounts);
		DockVolumes.parseMountInfo("garbage", mounts);
		assertThat(mounts).containsExactlyInAnyOrderEntriesOf(
				Map.of(Path.of("/media/alice/BODY CAM"), "/dev/sdb1", Path.of("/mnt"), "/dev/sda1"));
	}
}
