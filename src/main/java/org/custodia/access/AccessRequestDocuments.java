package org.custodia.access;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AccessMatrix;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scanned documents an outsider brings with his request (letter of introduction, ID, a lawyer's power of
 * attorney, authorisation and practising licence: 001-access arts. 6–7), stored write-once beside the request while it
 * waits for its decision, each a ledger entry with its hash.
 */
@Component
public class AccessRequestDocuments {

	static final long LARGEST_DOCUMENT = 50L * 1024 * 1024;

	static final Set<String> DOCUMENT_KINDS = Set.of("letter-of-introduction", "applicant-id", "power-of-attorney",
			"authorisation", "practising-licence", "approval-form", "other");

	private final AccessRequestQueries requests;

	private final AccessRequestRepository rows;

	private final AccessMatrix matrix;

	private final BlobStore store;

	private final Ledger ledger;

	private final Clock clock;

	private final TransactionTemplate transactions;

	AccessRequestDocuments(AccessRequestQueries requests, AccessRequestRepository rows, AccessMatrix matrix, BlobStore store,
			Ledger ledger, Clock clock, TransactionTemplate transactions) {
		this.requests = requests;
		this.rows = rows;
		this.matrix = matrix;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** A scanned document the requester brought, stored write-once beside the request while it waits for its decision. */
	public AccessRequest attach(Actor actor, UUID requestId, String kind, String originalName, String contentType,
			long size, InputStream content) {
		AccessRequest request = requests.visible(actor, requestId);
		if (request.state() != AccessRequest.State.SUBMITTED) {
			throw CustodiaException.conflict("error.access-request-decided", request.number());
		}
		if (!actor.userId().equals(request.holderId()) && !actor.has(matrix.registerKeeper(request.agency()))) {
			throw CustodiaException.forbidden("rule.access-entered-by-keeper", matrix.registerCite(request.agency()),
					"role." + matrix.registerKeeper(request.agency()).code());
		}
		if (kind == null || !DOCUMENT_KINDS.contains(kind)) {
			throw CustodiaException.badRequest("error.access-document-kind", kind);
		}
		if (size <= 0) {
			throw CustodiaException.badRequest("error.access-document-empty", originalName);
		}
		if (size > LARGEST_DOCUMENT) {
			throw CustodiaException.badRequest("error.access-document-too-large", originalName, LARGEST_DOCUMENT / 1024 / 1024);
		}
		String name = originalName == null || originalName.isBlank() ? kind : java.nio.file.Path.of(originalName.replace('\\', '/')).getFileName().toString();
		if (name.length() > 300) {
			name = name.substring(name.length() - 300);
		}
		// stored before the transaction: the store is write-once, and a row is written only for what it holds
		StoredBlob blob = store.put(request.agency(), LocalDate.ofInstant(clock.instant(), clock.getZone()), name, content);
		String stored = name;
		return transactions.execute(status -> {
			AccessRequest.Document document = new AccessRequest.Document(UUID.randomUUID(), kind, stored, blob.sha256(),
					blob.size(), contentType, actor.username(), clock.instant());
			rows.insertDocument(requestId, document, blob.key());
			ledger.append(LedgerEvent.by(actor, request.agency(), "access.document-attached", "access-request",
					requestId.toString(), Map.of("number", request.number(), "document", kind, "file", stored, "sha256",
							blob.sha256(), "size", blob.size())));
			return rows.find(requestId).orElseThrow();
		});
	}

	/** A document's stored bytes, to those who may see the request. */
	public Document document(Actor actor, UUID documentId) {
		AccessRequestRepository.StoredDocument stored = rows.document(documentId)
			.orElseThrow(() -> CustodiaException.notFound("error.access-document-not-found", documentId));
		requests.visible(actor, stored.requestId());
		return new Document(stored.document(), store.open(stored.storeKey(), 0, -1));
	}

	/** A document and its bytes, to be closed by the reader. */
	public record Document(AccessRequest.Document document, InputStream content) {
	}
}
