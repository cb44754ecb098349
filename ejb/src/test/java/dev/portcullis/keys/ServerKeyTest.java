package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyTest {

    @TempDir
    Path dir;

    @Test
    void generatesKeyFileOnceWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("portcullis").resolve("server.key");
        ServerKey first = ServerKey.fromFile(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] sealed = first.encrypt("ca key".getBytes(StandardCharsets.UTF_8), "SCEP_CA");
        ServerKey again = ServerKey.fromFile(file);
        assertArrayEquals("ca key".getBytes(StandardCharsets.UTF_8), again.decrypt(sealed, "SCEP_CA"),
                "a later start reads the same key");
    }

    @Test
    void ciphertextDoesNotContainThePlaintextAndDiffersEachTime() {
        ServerKey key = ServerKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] secret = "PRIVATE KEY MATERIAL".getBytes(StandardCharsets.UTF_8);
        byte[] a = key.encrypt(secret, "IDP_SIGNING");
        byte[] b = key.encrypt(secret, "IDP_SIGNING");
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"));
        assertFalse(java.util.Arrays.equals(a, b), "a fresh IV each time");
    }

    @Test
    void wrongServerKeyIsAClearErrorNotGarbage() {
        byte[] one = new byte[32];
        byte[] two = new byte[32];
        two[0] = 1;
        byte[] sealed = ServerKey.fromBase64(Base64.getEncoder().encodeToString(one)).encrypt(new byte[]{1, 2, 3}, "SCEP_CA");
        WrongServerKeyException e = assertThrows(WrongServerKeyException.class,
                () -> ServerKey.fromBase64(Base64.getEncoder().encodeToString(two)).decrypt(sealed, "SCEP_CA"));
        assertTrue(e.getMessage().contains("will not replace an existing CA"), e.getMessage());
    }

    @Test
    void keyBoundToItsPurpose() {
        ServerKey key = ServerKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] sealed = key.encrypt(new byte[]{9}, "SCEP_CA");
        assertThrows(WrongServerKeyException.class, () -> key.decrypt(sealed, "IDP_SIGNING"));
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThrows(IllegalStateException.class,
                () -> ServerKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> ServerKey.fromBase64("not base64!"));
    }
}
