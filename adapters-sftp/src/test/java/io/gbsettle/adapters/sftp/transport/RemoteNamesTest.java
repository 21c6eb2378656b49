package io.gbsettle.adapters.sftp.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote name rules: no path traversal, no control characters, work-in-progress names ignored, globs.
 */
final class RemoteNamesTest
{
    @Test
    void refusesTraversalSeparatorsAndControlCharacters()
    {
        assertNull(RemoteNames.problem("CD20240305C421"));
        assertNull(RemoteNames.problem("D0036_file-1.usr"));
        assertEquals("name contains '..' (path traversal)", RemoteNames.problem(".."));
        assertEquals("name contains '..' (path traversal)", RemoteNames.problem("a..b"));
        assertEquals("name contains a path separator (path traversal)", RemoteNames.problem("../../etc/passwd"
            .substring(6)));
        assertEquals("name contains a path separator (path traversal)", RemoteNames.problem("a/b"));
        assertEquals("name contains a path separator (path traversal)", RemoteNames.problem("a\\b"));
        assertEquals("name contains control character 0xa", RemoteNames.problem("a\nb"));
        assertEquals("name contains control character 0x0", RemoteNames.problem("a\u0000b"));
        assertEquals("name contains a non-ASCII character", RemoteNames.problem("caf\u00e9"));
        assertEquals("name contains ':'", RemoteNames.problem("C:x"));
        assertEquals("empty name", RemoteNames.problem(""));
        assertEquals("name longer than 128 characters", RemoteNames.problem("x".repeat(129)));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> RemoteNames.join("inbox", "../secret"));
        assertEquals("refused remote name '../secret': name contains '..' (path traversal)", ex.getMessage());
        assertEquals("inbox/a", RemoteNames.join("inbox", "a"));
        assertEquals("/in/a", RemoteNames.join("/in/", "a"));
    }

    @Test
    void ignoresWorkInProgressAndHiddenNames()
    {
        assertTrue(RemoteNames.ignored("x.part"));
        assertTrue(RemoteNames.ignored("x.PART"));
        assertTrue(RemoteNames.ignored("x.tmp"));
        assertTrue(RemoteNames.ignored("x.partial"));
        assertTrue(RemoteNames.ignored(".x"));
        assertFalse(RemoteNames.ignored("x.usr"));
    }

    @Test
    void globs()
    {
        assertTrue(RemoteNames.matches("*", "anything"));
        assertTrue(RemoteNames.matches("*.usr", "a.usr"));
        assertFalse(RemoteNames.matches("*.usr", "a.usr.bak"));
        assertTrue(RemoteNames.matches("CD????????C421", "CD20240305C421"));
        assertFalse(RemoteNames.matches("CD????????C421", "CD2024030C421"));
        assertTrue(RemoteNames.matches("S*_*_SF*", "S0142_20240305_SF_1"));
        assertFalse(RemoteNames.matches("a*", "ba"));
    }
}
