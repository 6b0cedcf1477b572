# Runs step 05's two-browser checks against a running chat, such as a learner's server on the classroom network.
#   tests/05-broadcast-chat.Tests/check-chat.ps1 http://192.168.1.20:5005 [-Headed] [-SlowMo 500]
# Without a URL the checks start a chat server of their own. Pictures go to artifacts/screenshots/.
param(
    [Parameter(Position = 0)][string]$Url = "",
    [switch]$Headed,
    [int]$SlowMo = 0
)
$ErrorActionPreference = "Stop"
if ($Url) { $env:CHAT_URL = $Url } else { Remove-Item Env:CHAT_URL -ErrorAction SilentlyContinue }
if ($Headed) { $env:HEADED = "1" }
if ($SlowMo -gt 0) { $env:SLOWMO = "$SlowMo" }
Push-Location (Join-Path $PSScriptRoot "../..")
try {
    $env:SCREENSHOTS = "1"
    dotnet test --project tests/05-broadcast-chat.Tests -p:Track=solutions --filter-trait "Check=TwoBrowsers"
    exit $LASTEXITCODE
} finally {
    Pop-Location
}
