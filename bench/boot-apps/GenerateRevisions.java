import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark apps' revisions at build time (run by each app's pom as a single-file Java program):
 * {@code java GenerateRevisions.java <retort|flyway> <resources-folder> <count>}. Revision i creates table
 * {@code bench_i}, the same work as {@code dev.retort.bench.compare.Workload} (same ids and statements):
 * Retort gets a linear chain in {@code db/revisions}, Flyway {@code V<i>__...sql} in {@code db/migration}.
 */
public class GenerateRevisions {

	public static void main(String[] args) throws IOException {
		String tool = args[0];
		Path root = Path.of(args[1]);
		int count = Integer.parseInt(args[2]);
		Path folder = root.resolve(tool.equals("retort") ? "db/revisions" : "db/migration");
		Files.createDirectories(folder);
		String previous = "";
		for (int i = 1; i <= count; i++) {
			String number = String.format("%05d", i);
			String create = String.format("CREATE TABLE bench_%05d (id INTEGER PRIMARY KEY, name VARCHAR(64));", i);
			if (tool.equals("retort")) {
				String id = String.format("%012x", (i * 0x9E3779B97F4BL + 0x5DEECE66DL) & 0xFFFF_FFFF_FFFFL);
				Files.writeString(folder.resolve(number + "_" + id + "_create_bench_" + number + ".sql"),
						"-- create bench_" + number + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + previous
								+ "\n-- Create Date: 2026-11-22 00:00:00\n\n-- +upgrade\n" + create
								+ "\n\n-- +downgrade\nDROP TABLE bench_" + number + ";\n");
				previous = id;
			}
			else {
				Files.writeString(folder.resolve("V" + i + "__create_bench_" + number + ".sql"), create + "\n");
			}
		}
	}
}
