@echo off
rem The retort command (Windows launcher of the Retort distribution). See docs/cli.md.
rem
rem Environment: JAVA_HOME (else java on the PATH), JAVA_OPTS, RETORT_JAVA_OPTS (extra JVM options,
rem RETORT_JAVA_OPTS last so it wins). The JVM flags are those of bin/retort, chosen by measurement
rem (docs/performance.md): C1 only and the serial collector. The class-data-sharing archive of the
rem POSIX launcher is not created here; pass it yourself in RETORT_JAVA_OPTS if wanted.
setlocal

set "RETORT_HOME=%~dp0.."
for %%i in ("%RETORT_HOME%") do set "RETORT_HOME=%%~fi"

if defined JAVA_HOME (
  set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_CMD=java.exe"
)
if defined JAVA_HOME if not exist "%JAVA_CMD%" (
  echo ERROR: JAVA_HOME is set to "%JAVA_HOME%", which has no bin\java.exe 1>&2
  exit /b 1
)

"%JAVA_CMD%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %JAVA_OPTS% %RETORT_JAVA_OPTS% -cp "%RETORT_HOME%\lib\*" dev.retort.cli.Main %*
exit /b %ERRORLEVEL%
