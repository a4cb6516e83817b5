from datetime import timedelta


class NeedsDoingFixtures:
    """Records that put cards on the coordinator's Needs doing."""

    @classmethod
    def create_quiet_pair(cls):
        """Lee Park's match, introduced 40 days ago: no meeting since, no agreement written, its
        first check-ins missed."""
        quiet = cls.create_match(
            cls.mentor_b, cls.create_mentee("Lee Park"), date_start=cls.today - timedelta(days=40)
        )
        quiet.action_introduce()
        return quiet

    @classmethod
    def create_expiring_authorization(cls):
        """Eight units, ending in five days."""
        return cls.create_authorization(
            "AUTH-SOON", units=8, date_from=cls.today, date_to=cls.today + timedelta(days=5)
        )
