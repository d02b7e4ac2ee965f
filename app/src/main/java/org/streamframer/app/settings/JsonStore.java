package org.streamframer.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One JSON file holding one value. Writes go to a temporary file that is then moved over the
 * old one, so a crash mid-write leaves the previous version intact. Blocking: call it from a
 * background thread.
 *
 * @param <T> the stored type (a record or a list of records)
 */
public final class JsonStore<T> {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final JavaType type;

    private JsonStore(Path file, JavaType type) {
        this.file = Objects.requireNonNull(file, "file");
        this.type = type;
    }

    /** A store of one {@code type} value in {@code file}. */
    public static <T> JsonStore<T> of(Path file, Class<T> type) {
        return new JsonStore<>(file, MAPPER.constructType(type));
    }

    /** A store of a list of {@code element}s in {@code file}. */
    public static <E> JsonStore<java.util.List<E>> listOf(Path file, Class<E> element) {
        return new JsonStore<>(file, MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, element));
    }

    public Path file() {
        return file;
    }

    /**
     * The stored value, or {@code fallback} when the file does not exist yet.
     *
     * @throws IOException when the file exists but cannot be read or parsed (the message names it)
     */
    public T load(T fallback) throws IOException {
        try {
            byte[] json = Files.readAllBytes(file);
            T v = MAPPER.readValue(json, type);
            return v == null ? fallback : v;
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code value}, creating the directory if needed. */
    public void save(T value) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writerFor(type).writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
