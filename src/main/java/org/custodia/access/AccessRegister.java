package org.custodia.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.custodia.web.Citations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access register (查阅登记簿, ACC-1): written by the viewing, copying and deciding that happen here, never by
 * hand; read by its keeper, the agency's leaders, its legal department and its supervisors, and by anyone about
 * himself ("what have I watched").
 */
@Component
public class AccessRegister {

	static final int MOST = 2000;

	/** Who reads the whole register besides its keeper: those who approve and those who supervise. */
	private static final List<Role> READERS = List.of(Role.CHIEF, Role.LEADER_IN_CHARGE, Role.LEGAL_HEAD, Role.SUPERVISOR);

	/** A search of the register; null fields do not filter. */
	public record Query(UUID recordingId, UUID personId, Instant from, Instant to, String text, UUID requestId) {

		public Query(UUID recordingId, UUID personId, Instant from, Instant to, String text) {
			this(recordingId, personId, from, to, text, null);
		}
	}

	private final AccessRegisterRepository lines;

	private final AccessMatrix matrix;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Clock clock;

	private final MessageSource messages;

	private final Citations citations;

	private final Agencies agencies;

	private final RecordingRegister recordings;

	AccessRegister(AccessRegisterRepository lines, AccessMatrix matrix, PolicyDecisions decisions, Users users,
			Clock clock, MessageSource messages, Citations citations, Agencies agencies, RecordingRegister recordings) {
		this.recordings = recordings;
		this.messages = messages;
		this.citations = citations;
		this.agencies = agencies;
		this.users = users;
		this.lines = lines;
		this.matrix = matrix;
		this.decisions = decisions;
		this.clock = clock;
	}

	/** Adds a line now; called in the transaction of what it registers. */
	void add(String agency, AccessRegisterEntry.Kind kind, UUID recordingId, String recordingName, Actor person,
			AccessBasis basis, UUID derivedId) {
		String name = users.findByIdForSystem(person.userId()).map(UserView::displayName).orElse(person.username());
		lines.insert(new AccessRegisterEntry(UUID.randomUUID(), agency, clock.instant(), kind, recordingId, recordingName,
				name, person.userId(), basis.forWhom(), basis.reason(), basis.requestId(), basis.requestNumber(),
				basis.approvedBy(), basis.cite(), person.username(), derivedId));
	}

	/**
	 * The approval of a public use is its release: a line per granted recording, naming the requester, the approver
	 * and the article.
	 */
	void publicUse(Actor decider, AccessRequest request, java.util.Collection<UUID> granted, String deciderName) {
		for (UUID recording : granted) {
			lines.insert(new AccessRegisterEntry(UUID.randomUUID(), request.agency(), clock.instant(),
					AccessRegisterEntry.Kind.PUBLIC_USE, recording,
					recordings.find(recording).map(org.custodia.recording.Recording::originalName).orElse(null),
					request.requesterName(), request.requesterUserId(), request.forWhom(), request.reason(), request.id(),
					request.number(), deciderName, request.cite(), decider.username(), null));
		}
	}

	/**
	 * The lines matching the query, newest first. The keeper and the readers see the agency's register; anyone
	 * else only his own lines (a query about another person or a recording is narrowed to himself).
	 */
	@Transactional(readOnly = true)
	public List<AccessRegisterEntry> search(Actor actor, String agency, Query query) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		boolean whole = actor.has(matrix.registerKeeper(agency)) || READERS.stream().anyMatch(actor::has);
		UUID person = whole ? query.personId() : actor.userId();
		if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
			throw CustodiaException.badRequest("error.register-range");
		}
		java.util.Set<UUID> hidden = recordings.hiddenFrom(actor, agency);
		return lines.search(new AccessRegisterRepository.Filter(agency, query.recordingId(), person, query.from(),
				query.to(), query.text(), query.requestId()), MOST).stream()
			.filter(line -> !hidden.contains(line.recordingId()))
			.toList();
	}

	/** Whether the actor reads the agency's whole register, not only his own lines. */
	public boolean readsWhole(Actor actor, String agency) {
		return !actor.has(Role.ADMINISTRATOR)
				&& (actor.has(matrix.registerKeeper(agency)) || READERS.stream().anyMatch(actor::has));
	}

	/** The lines as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese right). */
	@Transactional(readOnly = true)
	public String csv(Actor actor, String agency, Query query) {
		StringBuilder csv = new StringBuilder("\uFEFF序号,时间,查阅人,单位或代表,事由,查阅内容,方式,申请编号,批准人,依据,登记人\r\n");
		List<AccessRegisterEntry> found = search(actor, agency, query);
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(clock.getZone());
		int number = found.size();
		for (AccessRegisterEntry line : found) {
			csv.append(String.join(",", java.util.stream.Stream.of(String.valueOf(number--), time.format(line.at()),
					line.person(), line.forWhom(), line.reason(), line.recordingName(),
					messages.getMessage("register.kind." + line.kind().code(), null, java.util.Locale.SIMPLIFIED_CHINESE),
					line.requestNumber(), line.approvedBy(), citations.display(line.cite(), java.util.Locale.SIMPLIFIED_CHINESE,
							false), line.registeredBy()).map(AccessRegister::cell).toList())).append("\r\n");
		}
		return csv.toString();
	}

	/** The lines as the printed register (查阅登记簿), in Chinese. */
	@Transactional(readOnly = true)
	public byte[] pdf(Actor actor, String agency, Query query) {
		List<AccessRegisterEntry> found = search(actor, agency, query);
		return AccessRegisterSheet.render(agencies.get(actor, agency).nameZh(), found, clock.getZone(), messages,
				cite -> citations.display(cite, java.util.Locale.SIMPLIFIED_CHINESE, false));
	}

	/** A CSV cell: quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value.matches("^[=+\\-@].*") ? "'" + value : value;
		return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	/** Who has watched or received this recording (the recording's page). */
	@Transactional(readOnly = true)
	public List<AccessRegisterEntry> ofRecording(Actor actor, String agency, UUID recordingId) {
		return search(actor, agency, new Query(recordingId, null, null, null, null));
	}
}
