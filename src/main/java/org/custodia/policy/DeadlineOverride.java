package org.custodia.policy;

import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * An agency's own policy file may tighten the import deadline its regulation sets (REC-1), never loosen
 * it: compared with the shipped file of the same regulation, no longer hours, no later end of the working
 * day, no "hours after the activity" where the regulation wants the end of the working day, no exception
 * the regulation does not allow and no longer one. An earlier end of the working day is tighter: the
 * custodian collects earlier (an activity that ends after it is then due at the end of the next one).
 */
final class DeadlineOverride {

	private DeadlineOverride() {
	}

	static void check(String fileName, Node root, AgencyPolicy.Ingest own, AgencyPolicy.Ingest regulation) {
		AgencyPolicy.Deadline mine = own.deadline();
		AgencyPolicy.Deadline theirs = regulation.deadline();
		if (theirs.endOfWorkingDay()) {
			if (!mine.endOfWorkingDay()) {
				throw looser(fileName, root, List.of("ingest", "deadline", "counts"), "the regulation's deadline is the end of "
						+ "the working day (" + theirs.cite() + "); hours after the activity would be later for what ends before it");
			}
			if (own.workdayEnds().at().isAfter(regulation.workdayEnds().at())) {
				throw looser(fileName, root, List.of("ingest", "workdayEnds", "time"), "the working day may end at "
						+ regulation.workdayEnds().time() + " at the latest (" + regulation.workdayEnds().cite() + ")");
			}
		}
		else if (mine.endOfWorkingDay() ? theirs.hours() < 24 : mine.hours() > theirs.hours()) {
			throw looser(fileName, root, List.of("ingest", "deadline"), "the regulation's deadline is " + theirs.hours()
					+ " hours after the activity (" + theirs.cite() + ")");
		}
		AgencyPolicy.AfterReturn exception = own.afterReturn();
		AgencyPolicy.AfterReturn allowed = regulation.afterReturn();
		if (exception == null) {
			return;
		}
		if (allowed == null) {
			throw looser(fileName, root, List.of("ingest", "afterReturn"), "the regulation allows no exception to its "
					+ "import deadline (" + theirs.cite() + ")");
		}
		if (exception.hours() > allowed.hours()) {
			throw looser(fileName, root, List.of("ingest", "afterReturn", "hours"), "the regulation allows "
					+ allowed.hours() + " hours after the return to the unit (" + allowed.cite() + ")");
		}
		for (int i = 0; i < exception.reasons().size(); i++) {
			String code = exception.reasons().get(i).code();
			if (allowed.reasons().stream().noneMatch(reason -> reason.code().equals(code))) {
				throw looser(fileName, root, List.of("ingest", "afterReturn", "reasons", i, "code"), "the regulation "
						+ "allows no exception for '" + code + "' (" + allowed.cite() + ")");
			}
		}
	}

	private static PolicyFileException looser(String fileName, Node root, List<Object> path, String why) {
		return new PolicyFileException(fileName, PolicyFileReader.lineOf(root, path), PolicyFileReader.dotted(path),
				"an agency's file may tighten the import deadline, not loosen it: " + why);
	}
}
