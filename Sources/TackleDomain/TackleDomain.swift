public enum TackleDomain {}
