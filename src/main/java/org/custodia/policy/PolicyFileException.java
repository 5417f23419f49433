package org.custodia.policy;

/** A policy file that cannot be used; names the file, the line and the field so it can be fixed. */
public class PolicyFileException extends RuntimeException {

	private final String file;

	private final int line;

	private final String field;

	private final String problem;

	PolicyFileException(String file, int line, String field, String problem) {
		super("policy file " + file + ", line " + line + ", field '" + field + "': " + problem
				+ " / 策略文件 " + file + " 第 " + line + " 行，字段 '" + field + "'：" + problem);
		this.file = file;
		this.line = line;
		this.field = field;
		this.problem = problem;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public String field() {
		return field;
	}

	public String problem() {
		return problem;
	}
}
