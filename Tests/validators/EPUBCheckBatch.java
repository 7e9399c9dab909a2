// Runs EPUBCheck on many EPUBs in ONE Java VM: starting the VM and loading EPUBCheck's schemas costs
// seconds, so one VM per file would make the check far slower. Each file gets a fresh EpubChecker with
// --failonwarnings, exactly like the command line; the exit code is non-zero if any file had a fatal,
// error or warning. Run (source-file mode, Java 11+):
//   java -cp path/to/epubcheck.jar Tests/validators/EPUBCheckBatch.java a.epub b.epub …
import com.adobe.epubcheck.tool.EpubChecker;

public class EPUBCheckBatch {
    public static void main(String[] files) {
        int failed = 0;
        for (String file : files) {
            int status = new EpubChecker().run(new String[] { file, "--failonwarnings", "--quiet" });
            if (status != 0) {
                failed++;
                System.out.println("EPUBCheck FAILED: " + file);
            }
        }
        System.out.println("EPUBCheck: " + (files.length - failed) + " of " + files.length + " EPUBs with 0 errors and 0 warnings");
        System.exit(failed == 0 ? 0 : 1);
    }
}
