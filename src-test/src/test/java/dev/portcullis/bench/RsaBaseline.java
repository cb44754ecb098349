package dev.portcullis.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Raw RSA-2048 SHA256withRSA signatures per second, the yardstick for the sign-in figure:
 * the IdP signs one Assertion per allowed sign-in, so this is the machine's ceiling, and
 * dividing by it makes the result comparable across machines.
 */
final class RsaBaseline {

    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private RsaBaseline() {
    }

    /** Signatures per second summed over {@code threads} threads signing concurrently. */
    static double signaturesPerSecond(int threads) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        // About the size of an Assertion's SignedInfo; the private-key operation dominates anyway.
        byte[] data = new byte[600];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    long measureFrom = start + WARM_UP_NANOS;
                    long end = measureFrom + MEASURE_NANOS;
                    long n = 0;
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        signature.initSign(key.getPrivate());
                        signature.update(data);
                        signature.sign();
                        if (now >= measureFrom) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (MEASURE_NANOS / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
