@echo off
rem bmswb: BMS Workbench on Windows. With no arguments it opens the workbench; with a
rem sub-command it runs headless (bmswb --help lists them). BMSWB_JAVA_OPTS adds JVM options.
setlocal
set "BMSWB_HOME=%~dp0.."
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE (
  echo bmswb: BMS Workbench needs Java 21 or newer, and none was found ^(looked at JAVA_HOME and the PATH^). 1>&2
  echo bmswb: install one, e.g. from https://adoptium.net, and set JAVA_HOME to it. 1>&2
  exit /b 1
)
if not defined BMSWB_USER_DIR set "BMSWB_USER_DIR=%USERPROFILE%\.bmsworkbench"
rem The launcher itself checks the Java version and says what to install when it is too old.
"%JAVA_EXE%" -XX:+UseSerialGC -Xss2m %BMSWB_JAVA_OPTS% --enable-native-access=ALL-UNNAMED ^
  "-Dbmswb.home=%BMSWB_HOME%" "-Dbmswb.user.dir=%BMSWB_USER_DIR%" "-Dbmswb.cwd=%CD%" ^
  -cp "%BMSWB_HOME%\lib\org.bmsworkbench.launcher.jar;%BMSWB_HOME%\lib\org.apache.felix.framework.jar" ^
  org.bmsworkbench.launcher.Main %*
exit /b %ERRORLEVEL%
