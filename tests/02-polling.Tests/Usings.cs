global using FluentAssertions;
global using Polling.Messages;
global using Workshop.Testing.Goals;
global using Xunit;
