package org.custodia.ingest;

import java.io.IOException;
import java.time.LocalDate;

/** What {@link BatchCopy} needs of one file of an import, before anything is recorded. */
interface CopySources {

	DeviceFile open(SourceFile file) throws IOException;

	/** Its size as the import began: a file that reads shorter or longer was cut or still written to. */
	long size(SourceFile file);

	/** The day it is filed under in the store. */
	LocalDate day(SourceFile file);
}
