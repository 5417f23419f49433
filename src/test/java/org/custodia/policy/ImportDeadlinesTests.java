package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each agency's import deadline as its regulation words it (REC-1), in the agencies' time zone. Each test
 * quotes the article it holds the policy to.
 */
class ImportDeadlinesTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dataDir;

	private ImportDeadlines deadlines() {
		Policies policies = new Policies(new CustodiaProperties(dataDir, false), PolicyFileReaderTests.VALIDATOR);
		return new ImportDeadlines(policies, Clock.fixed(Instant.EPOCH, SHANGHAI));
	}

	private static Instant local(String time) {
		return LocalDateTime.parse(time).atZone(SHANGHAI).toInstant();
	}

	/** 004 art. 12: "每工作日结束时，设备管理员将执法记录仪收回，对执法人员所摄录的视听资料进行整理并导出存储" — not 24 hours. */
	@Test
	void kaifengImportsByTheEndOfTheWorkingDayNotWithinADay() {
		ImportDeadline deadline = deadlines().after("kaifeng-audit", local("2026-11-20T10:00"));
		assertThat(deadline.at()).isEqualTo(local("2026-11-20T18:00"));
		assertThat(deadline.cite()).isEqualTo("004 art. 12");
		assertThat(deadline.minutesLate(local("2026-11-21T09:00"))).isEqualTo(15 * 60L);
		// an activity that ends after the working day is collected at the end of the next one
		assertThat(deadlines().after("kaifeng-audit", local("2026-11-20T19:30")).at()).isEqualTo(local("2026-11-21T18:00"));
	}

	/**
	 * 001 art. 13: "行政执法人员应当在每次执法活动结束后，将音像记录设备记录的声像资料交专人下载、存储" and 003 art. 13
	 * "执法人员应当及时存储": promptly, with no number; the policy's default is the end of the activity's working day.
	 */
	@Test
	void pingdingshanAndZhanheImportPromptlyWhichIsTheEndOfTheWorkingDayByDefault() {
		for (String agency : new String[] { "pingdingshan-culture", "zhanhe-health" }) {
			ImportDeadline deadline = deadlines().after(agency, local("2026-11-20T09:00"));
			assertThat(deadline.at()).as(agency).isEqualTo(local("2026-11-20T18:00"));
			assertThat(deadline.cite()).as(agency).startsWith("custodia: ").contains("promptly");
		}
	}

	/** 002 art. 13: "执法人员在当天执法活动结束后，须在第一时间将现场执法音视频记录信息导出保存". */
	@Test
	void fengnanExportsFirstThingAfterTheDaysWork() {
		assertThat(deadlines().after("fengnan-medins", local("2026-11-20T16:00")).at()).isEqualTo(local("2026-11-20T18:00"));
	}

	/** 000 art. 16: "在行政执法事项结束后24小时内进行整理并导出存储" stays as it is. */
	@Test
	void neiqiuKeepsTwentyFourHoursAfterTheMatterEnds() {
		ImportDeadline deadline = deadlines().after("neiqiu-health", local("2026-11-20T19:30"));
		assertThat(deadline.at()).isEqualTo(local("2026-11-21T19:30"));
		assertThat(deadline.cite()).isEqualTo("000 art. 16");
		assertThat(deadlines().movesDeadline("neiqiu-health", "remote-area")).isFalse();
	}

	/**
	 * 001 art. 13: "在边远、水上、交通不便地区执法或异地执法、连续执法确实无法及时按规定储存的，行政执法人员应当在返回单位后24小时内予以储存"
	 * — 24 hours counted from the return to the unit, not from the end of recording.
	 */
	@Test
	void theExceptionCountsTwentyFourHoursFromTheReturnToTheUnit() {
		ImportDeadlines deadlines = deadlines();
		Instant end = local("2026-11-18T15:00");
		Instant back = local("2026-11-20T20:00");
		assertThat(deadlines.movesDeadline("pingdingshan-culture", "water")).isTrue();
		assertThat(deadlines.movesDeadline("pingdingshan-culture", "device-fault")).isFalse();
		ImportDeadline afterReturn = deadlines.afterReturn("pingdingshan-culture", end, Optional.of(back));
		assertThat(afterReturn.at()).isEqualTo(local("2026-11-21T20:00"));
		assertThat(afterReturn.cite()).isEqualTo("001 art. 13");
		// no collection in the custody ledger: the hours count from the end of recording
		ImportDeadline unknown = deadlines.afterReturn("fengnan-medins", end, Optional.empty());
		assertThat(unknown.at()).isEqualTo(local("2026-11-19T15:00"));
		assertThat(unknown.cite()).startsWith("custodia: ").contains("custody ledger");
		// 004 art. 12 allows no exception
		assertThatThrownBy(() -> deadlines.afterReturn("kaifeng-audit", end, Optional.of(back)))
			.isInstanceOf(IllegalStateException.class);
	}

	/** An agency's own file may set the working day's end earlier; later would loosen 004 art. 12's rule. */
	@Test
	void anAgencysOwnFileMayTightenTheDeadlineButNotLoosenIt() throws IOException {
		String shipped = PolicyFileReaderTests.shipped("kaifeng-audit");
		Files.createDirectories(dataDir.resolve("policies"));
		Path own = dataDir.resolve("policies/kaifeng-audit.yaml");
		Files.writeString(own, shipped.replace("workdayEnds: {time: \"18:00\"", "workdayEnds: {time: \"17:30\""));
		assertThat(deadlines().after("kaifeng-audit", local("2026-11-20T10:00")).at()).isEqualTo(local("2026-11-20T17:30"));

		Files.writeString(own, shipped.replace("workdayEnds: {time: \"18:00\"", "workdayEnds: {time: \"20:00\""));
		assertThatThrownBy(this::deadlines).isInstanceOfSatisfying(PolicyFileException.class, e -> {
			assertThat(e.field()).isEqualTo("ingest.workdayEnds.time");
			assertThat(e.problem()).contains("tighten", "18:00");
		});
		Files.writeString(own, shipped.replace("deadline: {counts: end-of-working-day, hours: null, cite: \"004 art. 12\"}",
				"deadline: {counts: hours-after-end, hours: 24, cite: \"004 art. 12\"}").replaceFirst("workdayEnds: \\{.*\\}", "workdayEnds: null"));
		assertThatThrownBy(this::deadlines).isInstanceOfSatisfying(PolicyFileException.class,
				e -> assertThat(e.field()).isEqualTo("ingest.deadline.counts"));

		String neiqiu = PolicyFileReaderTests.shipped("neiqiu-health");
		Files.delete(own);
		Path neiqiuOwn = dataDir.resolve("policies/neiqiu-health.yaml");
		Files.writeString(neiqiuOwn, neiqiu.replace("hours: 24, cite: \"000 art. 16\"", "hours: 48, cite: \"000 art. 16\""));
		assertThatThrownBy(this::deadlines).isInstanceOfSatisfying(PolicyFileException.class,
				e -> assertThat(e.field()).isEqualTo("ingest.deadline"));
		Files.writeString(neiqiuOwn, neiqiu.replace("hours: 24, cite: \"000 art. 16\"", "hours: 12, cite: \"000 art. 16\""));
		assertThat(deadlines().after("neiqiu-health", local("2026-11-20T10:00")).at()).isEqualTo(local("2026-11-20T22:00"));

		String zhanhe = PolicyFileReaderTests.shipped("zhanhe-health");
		Files.delete(neiqiuOwn);
		Files.writeString(dataDir.resolve("policies/zhanhe-health.yaml"), zhanhe.replace("  afterReturn:\n    hours: 24",
				"  afterReturn:\n    hours: 72"));
		assertThatThrownBy(this::deadlines).isInstanceOfSatisfying(PolicyFileException.class,
				e -> assertThat(e.field()).isEqualTo("ingest.afterReturn.hours"));
	}
}
