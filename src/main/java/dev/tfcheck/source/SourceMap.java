package dev.tfcheck.source;

import dev.tfcheck.plan.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 */
public final class SourceMap {
  /** No source directory: every location is logical (the address) only. */
  public static final SourceMap NONE = new SourceMap(null, Map.of());

  private final Path root;
  private final Map<String, SourceLocation> byConfigAddress;

  private SourceMap(Path root, Map<String, SourceLocation> byConfigAddress) {
    this.root = root;
    this.byConfigAddress = Map.copyOf(byConfigAddress);
  }

  /**
   * Scans the root module in {@code dir} and the local modules it calls, recursively.
   *
   * @throws SourceException when {@code dir} is not a directory of {@code .tf} files, or a file
   *     cannot be read
   */
  public static SourceMap scan(Path dir) throws SourceException {
    if (!Files.isDirectory(dir)) {
      throw new SourceException(dir.toString(), "not a directory");
    }
    Path root = dir.toAbsolutePath().normalize();
    Scan scan = new Scan(dir, root);
    if (scan.files(root).isEmpty()) {
      throw new SourceException(dir.toString(), "no .tf files in the directory");
    }
    scan.module(root, "", new ArrayDeque<>());
    return new SourceMap(root, scan.found);
  }

  /** Whether no source directory was given. */
  public boolean isEmpty() {
    return root == null;
  }

  /** The source directory, absolute; empty for {@link #NONE}. */
  public Optional<Path> root() {
    return Optional.ofNullable(root);
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
        String relative = relative(file);
        for (BlockScanner.Block b : blocks(file)) {
          SourceLocation at = new SourceLocation(relative, b.line());
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

    private String relative(Path path) {
      List<String> parts = new ArrayList<>();
      root.relativize(path).forEach(p -> parts.add(p.toString()));
      return String.join("/", parts);
    }

    /** A path as the user would write it: below (or beside) the directory they gave. */
    private String shown(Path path) {
      return given.resolve(root.relativize(path)).normalize().toString();
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
