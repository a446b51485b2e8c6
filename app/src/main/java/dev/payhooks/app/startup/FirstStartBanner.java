package dev.payhooks.app.startup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Credentials created at first start, shown once on standard output (never in the log): the
 * operator copies them from the console, and they are not kept anywhere in clear.
 */
final class FirstStartBanner {

    private FirstStartBanner() {
    }

    static void print(PrintStream console, String title, List<String> lines) {
        String rule = "=".repeat(72);
        List<String> all = new ArrayList<>();
        all.add(rule);
        all.add("  " + title);
        lines.forEach(line -> all.add("    " + line));
        all.add("  Shown only this once. Store it in your password manager.");
        all.add(rule);
        console.println(String.join(System.lineSeparator(), all));
        console.flush();
    }
}
