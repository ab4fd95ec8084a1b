{
  "aliases": {
    "{{jbangAliasName}}": {
      "script-ref": "https://github.com/{{repoOwner}}/{{repoName}}/releases/download/{{tagName}}/{{distributionExecutableName}}-{{projectVersion}}-runner.jar",
      "description": "{{projectDescription}}",
      "java": "{{distributionJavaVersion}}+"
    }
  }
}
