import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in place, the class files of a jar that are in a format older than Java 6 (class-file
 * version below 50) to the Java 8 format (version 52), with the stack-map frames that format
 * carries, computed by ASM. Nothing else changes: same bytecode, same entries in the same order,
 * same time stamps, so the same jar in gives the same jar out.
 *
 * <p>Why: picocli and ASM are compiled for Java 5, and the JVM keeps no such class in a
 * class-data-sharing archive or AOT cache (they need the old inference verifier at every start).
 * picocli's ~170 classes were then loaded, parsed and verified on every run: about 100 ms of a
 * 0.7 s check of a small plan. Rewritten, they come from the archive like every other class.
 *
 * <p>Run at build time, after the shade plugin: {@code java -cp CLASSPATH src/build/ClassFileUpgrade.java JAR}
 * (a single-file program: the build compiles it on the fly; ASM is on tfcheck's class path already).
 */
public final class ClassFileUpgrade {
  private static final int JAVA_6 = 50;

  private ClassFileUpgrade() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ClassFileUpgrade JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    int upgraded = 0;
    try (ZipFile in = new ZipFile(jar.toFile());
        URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> it = in.entries(); it.hasMoreElements(); ) {
        ZipEntry entry = it.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(entry)) {
          bytes = s.readAllBytes();
        }
        if (entry.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
          bytes = upgrade(bytes, classes);
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("ClassFileUpgrade: " + upgraded + " class files of " + jar.getFileName() + " now in the Java 8 format");
  }

  private static int majorVersion(byte[] classFile) {
    return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /**
   * The class in version 52 with frames computed from scratch. Computing frames needs the common
   * superclass of two types: {@code classes} loads them (without initialising) from the jar itself.
   */
  private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return classes;
      }
    };
    ClassVisitor toJava8 = new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
      }
    };
    new ClassReader(classFile).accept(toJava8, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
