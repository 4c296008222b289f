package org.tanik.intake;

/** "HOST:PORT" from intake.json or {@code --listen}; an IPv6 host is written in brackets. */
record ListenAddress(String host, int port) {

    static ListenAddress parse(String text) {
        if (text != null) {
            int colon = text.lastIndexOf(':');
            if (colon > 0) {
                String host = text.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                try {
                    int port = Integer.parseInt(text.substring(colon + 1));
                    if (port >= 0 && port <= 65535 && !host.isBlank()) {
                        return new ListenAddress(host, port);
                    }
                } catch (NumberFormatException e) {
                    // falls through to the refusal
                }
            }
        }
        throw IntakeConfig.invalid("HOST:PORT");
    }
}
