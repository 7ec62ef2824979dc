@echo off
rem bmswb: BMS Workbench on Windows. With no arguments it opens the workbench; with a
rem sub-command it runs headless (bmswb --help lists them). BMSWB_JAVA_OPTS adds JVM options.
setlocal EnableDelayedExpansion
set "BMSWB_HOME=%~dp0.."
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE (
  echo bmswb: BMS Workbench needs Java 21 or newer, and none was found ^(looked at JAVA_HOME and the PATH^). 1>&2
  echo bmswb: install one, e.g. from https://adoptium.net, and set JAVA_HOME to it. 1>&2
  exit /b 1
)

rem The Java version, from the JDK's release file (no JVM started): JAVA_VERSION="21.0.2".
set "JAVA_MAJOR=0"
for %%J in ("%JAVA_EXE%") do set "JAVA_DIR=%%~dpJ.."
if exist "%JAVA_DIR%\release" (
  for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%JAVA_DIR%\release"') do set "JAVA_VERSION=%%~V"
  for /f "tokens=1,2 delims=." %%A in ("!JAVA_VERSION!") do (
    if "%%A"=="1" (set "JAVA_MAJOR=%%B") else (set "JAVA_MAJOR=%%A")
  )
)
if !JAVA_MAJOR! GTR 0 if !JAVA_MAJOR! LSS 21 (
  echo bmswb: BMS Workbench needs Java 21 or newer; "%JAVA_EXE%" is Java !JAVA_MAJOR!. 1>&2
  echo bmswb: install a JDK 21+, e.g. from https://adoptium.net, and set JAVA_HOME to it. 1>&2
  exit /b 1
)
set "VERSION_OPTS="
if !JAVA_MAJOR! GEQ 22 set "VERSION_OPTS=--enable-native-access=ALL-UNNAMED"
if !JAVA_MAJOR! GEQ 23 set "VERSION_OPTS=!VERSION_OPTS! --sun-misc-unsafe-memory-access=allow"

if not defined BMSWB_USER_DIR set "BMSWB_USER_DIR=%USERPROFILE%\.bmsworkbench"

rem The commands that list and end at once: the JVM's optimising compiler would only compete with them
rem for the CPU, so they run with the quick one alone. The window and the long commands keep both.
set "SHORT_OPTS="
for %%C in (-h --help help -V --version protocols adapters signals completion) do if "%~1"=="%%C" set "SHORT_OPTS=-XX:TieredStopAtLevel=1"

rem Class data sharing: the first run writes an archive of the JDK's and the framework's classes, later
rem runs start faster. One archive per product folder and JDK; the launcher deletes it when a jar or the
rem JDK is newer (the JVM would not rewrite it, only ignore it), and the next run writes it anew.
set "CDS_OPTS="
if !JAVA_MAJOR! GEQ 19 (
  if not exist "%BMSWB_USER_DIR%\cache" mkdir "%BMSWB_USER_DIR%\cache" 2>nul
  for %%H in ("%BMSWB_HOME%") do set "CDS_KEY=%%~fH_%JAVA_DIR%"
  set "CDS_KEY=!CDS_KEY:\=_!"
  set "CDS_KEY=!CDS_KEY::=!"
  set "CDS_KEY=!CDS_KEY: =_!"
  set "CDS_ARCHIVE=%BMSWB_USER_DIR%\cache\bmswb-java!JAVA_MAJOR!-!CDS_KEY!.jsa"
  if exist "%BMSWB_USER_DIR%\cache" set CDS_OPTS="-XX:SharedArchiveFile=!CDS_ARCHIVE!" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off "-Dbmswb.cds.archive=!CDS_ARCHIVE!"
)

rem The collector: the window (gui, or no arguments) runs on G1, whose young collections of its small
rem live set stay far below a 100 ms stall at any frame rate; a command runs on Serial, which starts
rem fastest, with a young generation sized for a command's few MB of live data rather than for the
rem machine's memory (it set the peak RSS of a long decode). A collector named in BMSWB_JAVA_OPTS wins.
set "GC_OPTS=-XX:+UseSerialGC -Xmn24m"
if "%~1"=="" set "GC_OPTS=-XX:+UseG1GC"
if /i "%~1"=="gui" set "GC_OPTS=-XX:+UseG1GC"
if defined BMSWB_JAVA_OPTS echo(!BMSWB_JAVA_OPTS!| findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC" >nul && set "GC_OPTS="

rem Reflection: since Java 18 the first reflective call of each signature spins method-handle classes,
rem and Felix, Declarative Services and picocli make a few hundred on a command's start; a command
rem calls them through the JVM's native accessors instead. The window, which runs long, keeps the default.
set "REFLECT_OPTS=-Djdk.reflect.useNativeAccessorOnly=true"
if "%~1"=="" set "REFLECT_OPTS="
if /i "%~1"=="gui" set "REFLECT_OPTS="

rem Without a release file the version is unknown here; the launcher itself checks it then.
"%JAVA_EXE%" %GC_OPTS% %REFLECT_OPTS% -Xss2m %SHORT_OPTS% !CDS_OPTS! %VERSION_OPTS% %BMSWB_JAVA_OPTS% ^
  "-Dbmswb.home=%BMSWB_HOME%" "-Dbmswb.user.dir=%BMSWB_USER_DIR%" "-Dbmswb.cwd=%CD%" ^
  -cp "%BMSWB_HOME%\lib\org.bmsworkbench.launcher.jar;%BMSWB_HOME%\lib\org.apache.felix.framework.jar" ^
  org.bmsworkbench.launcher.Main %*
exit /b %ERRORLEVEL%
