@echo off
rem pinecone-imports on Windows: the command line on Java 17 or newer, from %JAVA_HOME% or the java on PATH, with
rem the JVM options of lib\jvm.options. It keeps no class archive (the POSIX launcher does).
setlocal
set "LIB=%~dp0..\lib"
if defined JAVA_HOME (
    set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "JAVA=java.exe"
)
rem the version java reports ("17.0.2", "21-ea", "1.8.0_392"): its first number, or the second after "1."
rem ("call" first, so that cmd keeps the quotes of a JAVA_HOME under "Program Files")
set "JVER="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do set "JVER=%%~v"
if not defined JVER goto nojava
set "JMAJOR="
for /f "tokens=1,2 delims=.-+_" %%a in ("%JVER%") do (
    set "JMAJOR=%%a"
    if "%%a"=="1" set "JMAJOR=%%b"
)
if %JMAJOR% LSS 17 goto oldjava
"%JAVA%" "@%LIB%\jvm.options" %PINECONE_IMPORTS_JAVA_OPTS% -jar "%LIB%\quarkus-run.jar" %*
exit /b %ERRORLEVEL%

:nojava
echo pinecone-imports: needs Java 17 or newer: install a JDK or JRE 17+ and put its bin\ on PATH or set JAVA_HOME 1>&2
exit /b 2

:oldjava
echo pinecone-imports: needs Java 17 or newer, and "%JAVA%" is Java %JVER%: set JAVA_HOME to Java 17+ 1>&2
exit /b 2
