global using FluentAssertions;
global using LongPolling.Messages;
global using Workshop.Testing;
global using Workshop.Testing.Goals;
global using Xunit;
