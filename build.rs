//! Embeds every file of `migrations/` in order, a fingerprint of `seed/`, and the
//! prebuilt seed database when it is current, so a new migration or a changed seed can
//! never silently miss the binary: cargo re-runs this script whenever either folder
//! changes.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// On x86-64 Linux (glibc) `claimdb` is linked as a position-dependent executable:
/// a PIE's thousands of relative relocations are applied by the dynamic loader at
/// every start, dirtying the pages they land on, and a command is a short process.
/// Only the link changes (the code stays position-independent, as the test and
/// proc-macro crates need).
///
/// Where the C library's static archives are installed, it is linked statically
/// too: no loader runs at all, where a dynamic start mapped libc, libm and libgcc_s
/// and resolved every symbol they and claimdb import (a seed `ask`: 4.82 M -> 4.52 M
/// instructions, 247 -> 205 page faults, 15-25% of its wall time). rustc only links
/// the C library statically for `-C target-feature=+crt-static`, which cargo would
/// pass to proc-macro crates too (they cannot be built so); so the binary's link
/// searches first a directory of links to those archives, one for each library
/// rustc names (the shared unwinder libgcc_s by the static one, libgcc_eh), and
/// `-static` makes it an executable without a loader. `CLAIMDB_LINK=dynamic` at build
/// time keeps the dynamic link (for a host whose user lookups need its own NSS
/// modules, or a system library the static archives lack).
fn link_without_pie() {
    println!("cargo::rerun-if-env-changed=CLAIMDB_LINK");
    let target = |key: &str| env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux"
        && target("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && target("CARGO_CFG_TARGET_ENV") == "gnu"
    {
        println!("cargo::rustc-link-arg-bin=claimdb=-no-pie");
        let dynamic = env::var("CLAIMDB_LINK").is_ok_and(|v| v == "dynamic");
        if let Some(dir) = (!dynamic).then(static_archives).flatten() {
            println!("cargo::rustc-link-arg-bin=claimdb=-static");
            println!("cargo::rustc-link-arg-bin=claimdb=-L{}", dir.display());
        }
    }
}

/// OUT_DIR/static-libs with a link to the static archive of each library rustc
/// asks for, or None where the C compiler that links finds any of them missing
/// (`cc -print-file-name` prints the bare name of a file it does not find).
#[cfg(unix)]
fn static_archives() -> Option<std::path::PathBuf> {
    let cc = env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_string());
    let dir = Path::new(&env::var("OUT_DIR").unwrap()).join("static-libs");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let libraries = [
        ("libc.a", "libc.a"),
        ("libm.a", "libm.a"),
        ("librt.a", "librt.a"),
        ("libpthread.a", "libpthread.a"),
        ("libdl.a", "libdl.a"),
        ("libutil.a", "libutil.a"),
        ("libgcc_s.a", "libgcc_eh.a"),
    ];
    for (name, archive) in libraries {
        let out = std::process::Command::new(&cc)
            .arg(format!("-print-file-name={archive}"))
            .output()
            .ok()?;
        let found = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if !out.status.success() || !found.is_absolute() {
            return None;
        }
        std::os::unix::fs::symlink(&found, dir.join(name)).ok()?;
    }
    Some(dir)
}

/// A build on another host links the C library as rustc does.
#[cfg(not(unix))]
fn static_archives() -> Option<std::path::PathBuf> {
    None
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&root);
    println!("cargo::rerun-if-changed=migrations");
    println!("cargo::rerun-if-changed=seed");
    println!("cargo::rerun-if-changed=src/db/expected_schema.json");
    println!("cargo::rerun-if-changed=src/text/english");
    link_without_pie();

    let mut migrations: Vec<(u32, String)> = Vec::new();
    for entry in fs::read_dir(root.join("migrations")).expect("migrations/ exists") {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.ends_with(".sql") {
            continue;
        }
        let number: u32 = name
            .split('_')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("migration {name} must start with its number, e.g. 0002_"));
        migrations.push((number, name));
    }
    migrations.sort();
    for (i, (number, name)) in migrations.iter().enumerate() {
        assert_eq!(
            *number as usize,
            i + 1,
            "migrations must be numbered 1, 2, 3... ({name})"
        );
    }

    let mut code = String::from("/// Every migration, in order: (version, file name, SQL).\n");
    code.push_str("pub const MIGRATIONS: &[(u32, &str, &str)] = &[\n");
    for (number, name) in &migrations {
        let path = root.join("migrations").join(name);
        writeln!(
            code,
            "    ({number}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");

    // FNV-1a over the name and bytes of every seed file the binary embeds (the
    // article and the CSV files; not the README): cheap, and stable across builds.
    let mut files: Vec<_> = fs::read_dir(root.join("seed"))
        .expect("seed/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "txt"))
        .collect();
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for byte in name
            .bytes()
            .chain([0])
            .chain(fs::read(&path).unwrap())
            .chain([0])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    writeln!(
        code,
        "/// Fingerprint of seed/: a database loaded from another seed is refreshed."
    )
    .unwrap();
    writeln!(code, "pub const SEED_FINGERPRINT: &str = \"{hash:016x}\";").unwrap();

    // The prebuilt database (seed/image/): what a first run writes instead of building
    // the schema and loading the seed. Its file name carries the fingerprint of the
    // seed and of every migration it was built from, so an image older than either is
    // not embedded: the binary then builds the seed itself. A change in the code that
    // builds it is caught by the test that compares the image with a fresh build.
    for (_, name) in &migrations {
        for byte in name
            .bytes()
            .chain([0])
            .chain(fs::read(root.join("migrations").join(name)).unwrap())
            .chain([0])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let image_name = format!("claimdb-{hash:016x}.sqlite3");
    let image = root.join("seed").join("image").join(&image_name);
    writeln!(
        code,
        "/// The file name seed/image/ must hold for this seed and these migrations."
    )
    .unwrap();
    writeln!(code, "pub const SEED_IMAGE_NAME: &str = {image_name:?};").unwrap();
    writeln!(
        code,
        "/// The prebuilt seeded database, when seed/image/ holds a current one."
    )
    .unwrap();
    if image.is_file() {
        writeln!(
            code,
            "pub const SEED_IMAGE: Option<&[u8]> = Some(include_bytes!({:?}));",
            image.display().to_string()
        )
        .unwrap();
    } else {
        println!(
            "cargo::warning=seed/image/{image_name} is missing, so a first run will build \
             the seed itself (slower); refresh it with \
             `UPDATE_SEED_IMAGE=1 cargo test --lib seed_image`"
        );
        code.push_str("pub const SEED_IMAGE: Option<&[u8]> = None;\n");
    }

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, code).unwrap();
    expected_schema(root);
    word_lists(root);
}

/// Every list of src/text/english as a Rust slice of its phrases (trimmed lines,
/// blank lines and `#` comments dropped), so that no run splits the files.
fn word_lists(root: &Path) {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("english");
    fs::create_dir_all(&out).unwrap();
    for entry in fs::read_dir(root.join("src/text/english")).expect("src/text/english exists") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let mut code = String::from("&[\n");
        for phrase in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            writeln!(code, "    {phrase:?},").unwrap();
        }
        code.push_str("]\n");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        fs::write(out.join(format!("{name}.rs")), code).unwrap();
    }
}

/// src/db/expected_schema.json as Rust: the schema check compares every open's
/// `sqlite_schema` with this table, and parsing the JSON on each run cost more than
/// the comparison. The file stays the reviewed source (a test keeps it current).
fn expected_schema(root: &Path) {
    let text = fs::read_to_string(root.join("src/db/expected_schema.json"))
        .expect("src/db/expected_schema.json exists");
    let json: serde_json::Value =
        serde_json::from_str(&text).expect("src/db/expected_schema.json is JSON");
    let migrations = json["migrations"]
        .as_str()
        .expect("expected_schema.json: migrations is a string");
    let mut code = String::from(
        "/// The migrations fingerprint that made [`EXPECTED_OBJECTS`] (expected_schema.json).\n",
    );
    writeln!(code, "const EXPECTED_MIGRATIONS: &str = {migrations:?};").unwrap();
    code.push_str("/// (name, type, table, sql) of every object, sorted by name.\n");
    code.push_str("const EXPECTED_OBJECTS: &[(&str, &str, &str, Option<&str>)] = &[\n");
    let objects = json["objects"]
        .as_array()
        .expect("expected_schema.json: objects is an array");
    // The schema check looks each stored object up by binary search.
    let names: Vec<&str> = objects.iter().filter_map(|o| o[0].as_str()).collect();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "src/db/expected_schema.json: objects must be sorted by name, each once"
    );
    for object in objects {
        let field = |i: usize| {
            object[i]
                .as_str()
                .expect("expected_schema.json: name, type and table are strings")
        };
        let sql = match &object[3] {
            serde_json::Value::Null => "None".to_string(),
            serde_json::Value::String(sql) => format!("Some({sql:?})"),
            other => panic!("expected_schema.json: sql is a string or null, not {other}"),
        };
        writeln!(
            code,
            "    ({:?}, {:?}, {:?}, {sql}),",
            field(0),
            field(1),
            field(2)
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("expected_schema.rs");
    fs::write(out, code).unwrap();
}
