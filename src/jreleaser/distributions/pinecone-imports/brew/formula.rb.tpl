# {{jreleaserCreationStamp}}
# The release archive as it is, under libexec, started on Homebrew's Java unless JAVA_HOME names another.
# The man pages and completions are linked from the archive.
class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"
  version "{{projectVersion}}"
  sha256 "{{distributionChecksumSha256}}"
  license "{{projectLicense}}"

  {{#brewDependencies}}
  depends_on {{.}}
  {{/brewDependencies}}

  def install
    libexec.install Dir["*"]
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      Language::Java.overridable_java_home_env("{{distributionJavaVersion}}")
    man1.install_symlink Dir[libexec/"share/man/man1/*.1"]
    bash_completion.install_symlink libexec/"share/bash-completion/completions/{{distributionExecutableName}}"
    zsh_completion.install_symlink libexec/"share/zsh/site-functions/_{{distributionExecutableName}}"
  end

  test do
    assert_match "{{projectVersion}}", shell_output("#{bin}/{{distributionExecutableName}} --version")
  end
end
