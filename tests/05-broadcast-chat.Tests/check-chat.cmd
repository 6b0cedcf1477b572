@echo off
rem Runs step 05's two-browser checks against a running chat, such as a learner's server on the classroom network.
rem   tests\05-broadcast-chat.Tests\check-chat.cmd http://192.168.1.20:5005 [--headed] [--slowmo 500]
rem Without a URL the checks start a chat server of their own. Pictures go to artifacts\screenshots\.
setlocal
set "CHAT_URL="
set "FIRST=%~1"
if not "%FIRST%"=="" if not "%FIRST:~0,2%"=="--" (set "CHAT_URL=%FIRST%" & shift)
:options
if "%~1"=="" goto run
if /i "%~1"=="--headed" (set "HEADED=1" & shift & goto options)
if /i "%~1"=="--slowmo" (set "SLOWMO=%~2" & shift & shift & goto options)
echo usage: %~nx0 [^<chat URL^>] [--headed] [--slowmo ^<ms^>] 1>&2
exit /b 2
:run
pushd "%~dp0..\.."
set "SCREENSHOTS=1"
dotnet test --project tests/05-broadcast-chat.Tests -p:Track=solutions --filter-trait "Check=TwoBrowsers"
set "RESULT=%ERRORLEVEL%"
popd
exit /b %RESULT%
