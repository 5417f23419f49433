package org.custodia.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.policy.Policies;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.web.Citations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The disposal list (销毁清册) of a disposal, as a PDF: what it names, who proposed and approved it, and when. */
@Component
public class DisposalSheets {

	/** A printed list and the number it carries. */
	public record Printed(String number, byte[] pdf) {
	}

	private final Disposals disposals;

	private final RecordingRegister register;

	private final Users users;

	private final Ledger ledger;

	private final Policies policies;

	private final Citations citations;

	private final Clock clock;

	DisposalSheets(Disposals disposals, RecordingRegister register, Users users, Ledger ledger, Policies policies,
			Citations citations, Clock clock) {
		this.disposals = disposals;
		this.register = register;
		this.users = users;
		this.ledger = ledger;
		this.policies = policies;
		this.citations = citations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Printed print(Actor actor, UUID id) {
		Disposal disposal = disposals.get(actor, id);
		List<DisposalSheet.Line> lines = new ArrayList<>();
		for (Disposal.Item item : disposal.items()) {
			Recording recording = register.find(item.recordingId()).orElseThrow();
			String device = ledger.describing(disposal.agency(), recording.id().toString(), List.of("recording.ingested"))
				.stream().findFirst().map(LedgerEntry::payload).map(payload -> String.valueOf(payload.get("device")))
				.orElse("");
			String officer = recording.officerId() == null ? ""
					: users.findByIdForSystem(recording.officerId()).map(UserView::displayName).orElse("");
			lines.add(new DisposalSheet.Line(item, recording, device, officer,
					citations.display(item.cite(), Locale.SIMPLIFIED_CHINESE, false)));
		}
		String agencyName = policies.of(disposal.agency()).agency().name().zh();
		return new Printed(disposal.number(), DisposalSheet.render(agencyName, disposal, lines, name(disposal.proposedBy()),
				name(disposal.decidedBy()), clock.getZone(), citations.display(disposal.cite(), Locale.SIMPLIFIED_CHINESE, false)));
	}

	private String name(String username) {
		if (username == null) {
			return "";
		}
		return users.findForSystem(username).map(user -> user.displayName() + "（" + username + "）").orElse(username);
	}
}
