package org.custodia.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaProperties;
import org.custodia.storage.StorageProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where an import by path may read: a volume under the dock's roots or a folder under the agency's own
 * import roots, judged by the folder's real path once every link is followed. Never Custodia's own data
 * (data directory, store, second root, ledger), whether the folder lies inside them or contains them, and
 * never another agency's import root or docked device. Each refusal names its rule.
 */
@Component
class ImportRoots {

	static final String RULE = "custodia: imports by path read only from the dock roots (custodia.dock.roots) "
			+ "and the agency's import roots (custodia.ingest.import-roots)";

	static final String OWN_DATA_RULE = "custodia: the data directory, the store, its second root and the ledger "
			+ "are never a source of imports (originals and the signing key are not read out through an import)";

	static final String OTHER_AGENCY_RULE = "custodia: an agency imports only from its own roots and devices "
			+ "(tenants are isolated)";

	private final List<Path> dockRoots;

	private final Map<String, List<Path>> agencyRoots;

	private final List<Path> ownData;

	private final String identityFile;

	ImportRoots(DockProperties dock, IngestProperties ingest, CustodiaProperties custodia, StorageProperties storage) {
		this.dockRoots = dock.roots().stream().map(ImportRoots::absolute).toList();
		this.agencyRoots = new java.util.HashMap<>();
		ingest.importRoots().forEach((agency, roots) -> agencyRoots.put(agency,
				roots.stream().filter(Objects::nonNull).map(ImportRoots::absolute).toList()));
		Path dataDir = absolute(custodia.dataDir());
		List<Path> data = new ArrayList<>(List.of(dataDir, dataDir.resolve("ledger"),
				storage.root() == null ? dataDir.resolve("store") : absolute(storage.root())));
		if (storage.secondRoot() != null) {
			data.add(absolute(storage.secondRoot()));
		}
		this.ownData = List.copyOf(data);
		this.identityFile = dock.identityFile();
	}

	/** The folder a user typed; a name the file system cannot hold is no folder. */
	static Path parse(String folder) {
		try {
			return Path.of(folder.strip());
		}
		catch (InvalidPathException e) {
			throw refusal(HttpStatus.BAD_REQUEST, "error.import-folder", null, folder);
		}
	}

	/**
	 * The folder's real path, when the agency may import from it. Its lexical form is judged first, so
	 * that nothing outside the roots is even looked at; then the real path, so that no link leads out.
	 */
	Path check(String agency, Path folder) {
		if (folder == null || !folder.isAbsolute()) {
			throw refusal(HttpStatus.BAD_REQUEST, "error.import-folder-relative", RULE, folder);
		}
		List<Path> own = rootsOf(agency);
		if (own.isEmpty()) {
			throw refusal(HttpStatus.FORBIDDEN, "rule.import-no-roots", RULE, folder);
		}
		Path asked = folder.normalize();
		if (own.stream().noneMatch(root -> inside(asked, root))) {
			throw outside(folder, own);
		}
		requireNotOwnData(asked, folder);
		Path real;
		try {
			real = asked.toRealPath();
		}
		catch (IOException e) {
			throw refusal(HttpStatus.BAD_REQUEST, "error.import-folder", null, folder);
		}
		requireNotOwnData(real, folder);
		boolean othersRoot = agencyRoots.entrySet().stream()
			.filter(entry -> !entry.getKey().equals(agency))
			.flatMap(entry -> entry.getValue().stream())
			.filter(root -> !own.contains(root))
			.flatMap(ImportRoots::forms)
			.anyMatch(root -> overlaps(real, root));
		if (othersRoot) {
			throw refusal(HttpStatus.FORBIDDEN, "rule.import-other-agency", OTHER_AGENCY_RULE, folder);
		}
		if (own.stream().noneMatch(root -> inside(real, root))) {
			throw outside(folder, own);
		}
		if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
			throw refusal(HttpStatus.BAD_REQUEST, "error.import-folder", null, folder);
		}
		if (dockedForAnother(agency, real)) {
			throw refusal(HttpStatus.FORBIDDEN, "rule.import-other-agency", OTHER_AGENCY_RULE, folder);
		}
		return real;
	}

	/** Own data before any root: a data directory under an import root (a test's /tmp) is still refused. */
	private void requireNotOwnData(Path path, Path folder) {
		if (ownData.stream().flatMap(ImportRoots::forms).anyMatch(area -> overlaps(path, area))) {
			throw refusal(HttpStatus.FORBIDDEN, "rule.import-own-data", OWN_DATA_RULE, folder);
		}
	}

	private List<Path> rootsOf(String agency) {
		List<Path> roots = new ArrayList<>(dockRoots);
		roots.addAll(agencyRoots.getOrDefault(agency, List.of()));
		return roots;
	}

	/** Inside a root, in its configured or its real form; a dock root itself is no volume, an import root may be imported whole. */
	private boolean inside(Path path, Path root) {
		boolean whole = !dockRoots.contains(root);
		return forms(root).anyMatch(form -> path.startsWith(form) && (whole || !path.equals(form)));
	}

	/** A volume under a dock root whose identity file names another agency. */
	private boolean dockedForAnother(String agency, Path real) {
		for (Path root : dockRoots) {
			Path dockRoot = forms(root).filter(real::startsWith).findFirst().orElse(null);
			for (Path folder = real; dockRoot != null && folder != null && !folder.equals(dockRoot); folder = folder.getParent()) {
				Path file = folder.resolve(identityFile);
				if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					String named = DockIdentity.read(file).get("agency");
					if (named != null && !named.equals(agency)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean overlaps(Path a, Path b) {
		return a.startsWith(b) || b.startsWith(a);
	}

	/** A path as configured and, when it exists, as the file system resolves it. */
	private static Stream<Path> forms(Path path) {
		try {
			return Stream.of(path, path.toRealPath()).distinct();
		}
		catch (IOException e) {
			return Stream.of(path);
		}
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

	private static CustodiaException outside(Path folder, List<Path> own) {
		return refusal(HttpStatus.FORBIDDEN, "rule.import-outside-roots", RULE, folder,
				String.join(", ", own.stream().map(Path::toString).toList()));
	}

	private static CustodiaException refusal(HttpStatus status, String key, String rule, Object... arguments) {
		return new CustodiaException(status, key, rule, Map.of("field", "folder"), arguments);
	}
}
