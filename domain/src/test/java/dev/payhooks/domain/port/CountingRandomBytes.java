package dev.payhooks.domain.port;

import java.util.Arrays;

/** Known "random" bytes for tests: the n-th call fills its array with the byte n (1, 2, …). */
public class CountingRandomBytes implements RandomBytes {

    private int calls;

    @Override
    public synchronized byte[] next(int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) ++calls);
        return bytes;
    }
}
