package dev.tfcheck.source;

import dev.tfcheck.plan.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where each resource of a configuration is declared: config addresses
 * ({@code module.db.aws_rds_cluster.this}) to the file and line of their block, found by scanning the
 * {@code .tf} files of the root module and, through each {@code module} block whose {@code source}
 * is a local path ({@code ./} or {@code ../}, as Terraform defines one), of the modules it calls.
 * Remote module sources are not followed: their resources are located at the {@code module} block
 * that calls them. {@code .tf.json} files are not read.
 *
 * <p>Files are named as the user would name them from where tfcheck runs: below the directory as
 * given ({@code infra/prod/main.tf}, {@code infra/modules/db/main.tf} for {@code --source-dir
 * infra/prod}), absolute only when the directory was given absolute. In CI tfcheck runs at the
 * repository's root, and code scanning reads a relative path as one from that root.
 */
public final class SourceMap {
  /** No source directory: every location is logical (the address) only. */
  public static final SourceMap NONE = new SourceMap(false, Map.of());

  private final boolean scanned;
  private final Map<String, SourceLocation> byConfigAddress;

  private SourceMap(boolean scanned, Map<String, SourceLocation> byConfigAddress) {
    this.scanned = scanned;
    this.byConfigAddress = Map.copyOf(byConfigAddress);
  }

  /**
   * Scans the root module in {@code dir} and the local modules it calls, recursively.
   *
   * @throws SourceException when {@code dir} is not a directory of {@code .tf} files, or a file
   *     cannot be read
   */
  public static SourceMap scan(Path dir) throws SourceException {
    return scan(dir, Path.of("").toAbsolutePath());
  }

  /** {@link #scan(Path)} as if tfcheck ran in {@code workingDirectory}: a relative {@code dir} is below it. */
  public static SourceMap scan(Path dir, Path workingDirectory) throws SourceException {
    Path root = workingDirectory.resolve(dir).normalize();
    if (!Files.isDirectory(root)) {
      throw new SourceException(dir.toString(), "not a directory");
    }
    Scan scan = new Scan(dir, root);
    if (scan.files(root).isEmpty()) {
      throw new SourceException(dir.toString(), "no .tf files in the directory");
    }
    scan.module(root, "", new ArrayDeque<>());
    return new SourceMap(true, scan.found);
  }

  /** Whether no source directory was given. */
  public boolean isEmpty() {
    return !scanned;
  }

  /**
   * The block that declares a resource instance address ({@code module.db[0].aws_rds_cluster.this["a"]}
   * is declared where {@code module.db.aws_rds_cluster.this} is); for a resource of a module that was
   * not scanned (a remote source), the nearest {@code module} block that leads to it; empty when
   * neither is known or the address is not a resource's ({@code (plan)}).
   */
  public Optional<SourceLocation> locate(String address) {
    if (byConfigAddress.isEmpty()) {
      return Optional.empty();
    }
    Address parsed;
    try {
      parsed = Address.parse(address);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    SourceLocation exact = byConfigAddress.get(parsed.configAddress());
    if (exact != null) {
      return Optional.of(exact);
    }
    List<String> modules = parsed.moduleNames();
    for (int depth = modules.size(); depth > 0; depth--) {
      SourceLocation call = byConfigAddress.get("module." + String.join(".module.", modules.subList(0, depth)));
      if (call != null) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }

  /** One scan: each directory's files read once, however many module blocks call it. */
  private static final class Scan {
    private final Path given;
    private final Path root;
    private final Map<Path, List<Path>> filesByDir = new HashMap<>();
    private final Map<Path, List<BlockScanner.Block>> blocksByFile = new HashMap<>();
    private final Map<String, SourceLocation> found = new HashMap<>();

    Scan(Path given, Path root) {
      this.given = given;
      this.root = root;
    }

    void module(Path dir, String prefix, Deque<Path> calling) throws SourceException {
      calling.push(dir);
      for (Path file : files(dir)) {
        String shown = shown(file);
        for (BlockScanner.Block b : blocks(file)) {
          SourceLocation at = new SourceLocation(shown, b.line());
          switch (b.keyword()) {
            case "resource" -> found.putIfAbsent(prefix + b.labels().get(0) + "." + b.labels().get(1), at);
            case "data" -> found.putIfAbsent(prefix + "data." + b.labels().get(0) + "." + b.labels().get(1), at);
            default -> {
              String call = prefix + "module." + b.labels().get(0);
              found.putIfAbsent(call, at);
              Path child = isLocal(b.source()) ? dir.resolve(b.source()).normalize() : null;
              // A module that calls itself, directly or not, is a Terraform error; do not loop on it.
              if (child != null && Files.isDirectory(child) && !calling.contains(child)) {
                module(child, call + ".", calling);
              }
            }
          }
        }
      }
      calling.pop();
    }

    /** The directory's .tf files by name, override files last: the first declaration is the block's home. */
    List<Path> files(Path dir) throws SourceException {
      List<Path> files = filesByDir.get(dir);
      if (files == null) {
        try (Stream<Path> listing = Files.list(dir)) {
          files = listing.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
              .sorted(Comparator.comparing((Path p) -> isOverride(p)).thenComparing(p -> p.getFileName().toString()))
              .toList();
        } catch (IOException e) {
          throw new SourceException(shown(dir), "cannot list the directory: " + e.getMessage());
        }
        filesByDir.put(dir, files);
      }
      return files;
    }

    private List<BlockScanner.Block> blocks(Path file) throws SourceException {
      List<BlockScanner.Block> blocks = blocksByFile.get(file);
      if (blocks == null) {
        try {
          blocks = BlockScanner.scan(Files.readString(file));
        } catch (IOException e) {
          throw new SourceException(shown(file), "cannot read it as UTF-8 text: " + e.getMessage());
        }
        blocksByFile.put(file, blocks);
      }
      return blocks;
    }

    /** A path as the user would write it: below (or beside) the directory as they gave it, with / separators. */
    private String shown(Path path) {
      Path p = given.isAbsolute() ? path : given.resolve(root.relativize(path)).normalize();
      return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static boolean isOverride(Path file) {
      String name = file.getFileName().toString();
      return name.equals("override.tf") || name.endsWith("_override.tf");
    }

    private static boolean isLocal(String source) {
      return source != null && (source.startsWith("./") || source.startsWith("../")
          || source.startsWith(".\\") || source.startsWith("..\\"));
    }
  }
}
