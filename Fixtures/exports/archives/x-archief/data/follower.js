window.YTD.follower.part0 = [
  {
    "follower": {
      "accountId": "1500000101",
      "userLink": "https://twitter.com/intent/user?user_id=1500000101"
    }
  }
]
