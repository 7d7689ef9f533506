//! The ways citelint is installed agree with the crate: the wheel (pyproject.toml), the no-Rust
//! pre-commit hook repository (pre-commit-mirror/) and the README's snippets name this version
//! and the `citelint` command. The wheel itself is built and run by tests/pre-commit.sh.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn toml(path: &str) -> toml::Table {
    read(path).parse().unwrap()
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn the_wheel_is_the_binary_under_a_name_that_is_not_taken() {
    let py = toml("pyproject.toml");
    // `citelint` on PyPI is an unrelated LaTeX tool
    assert_eq!(py["project"]["name"].as_str(), Some("citelint-cli"));
    assert_eq!(py["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    assert_eq!(
        py["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
    // the version comes from Cargo.toml
    assert!(
        py["project"]["dynamic"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v.as_str() == Some("version"))
    );
    let cargo = toml("Cargo.toml");
    for key in [
        "description",
        "license",
        "repository",
        "readme",
        "keywords",
        "categories",
    ] {
        assert!(
            cargo["package"].get(key).is_some(),
            "Cargo.toml lacks {key}"
        );
    }
}

#[test]
fn the_no_rust_hook_installs_this_version_of_the_wheel() {
    let mirror = toml("pre-commit-mirror/pyproject.toml");
    assert_eq!(mirror["project"]["version"].as_str(), Some(VERSION));
    let deps: Vec<&str> = mirror["project"]["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(deps, [format!("citelint-cli=={VERSION}")]);
    let hooks = read("pre-commit-mirror/.pre-commit-hooks.yaml");
    assert!(hooks.contains("\n  language: python\n"), "{hooks}");
    assert!(hooks.contains("\n  entry: citelint check\n"), "{hooks}");
    let readme = read("README.md");
    assert!(
        readme.contains(&format!(
            "additional_dependencies: [citelint-cli=={VERSION}]"
        )),
        "the README's local Python hook pins another version"
    );
    assert!(readme.contains("pip install citelint-cli"));
}
